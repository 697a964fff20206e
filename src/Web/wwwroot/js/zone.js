// The zone this browser keeps its clock in ("Europe/Madrid"): a new hub starts in its creator's zone.
export const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
