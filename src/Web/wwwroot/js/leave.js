// Leaves the app for a page outside it (sign-in) once this call has answered. Navigating at once
// unloads the page before the answer reaches the server, which then logs the cancelled call as a
// failed navigation and an unhandled circuit error, for what is only someone being signed out.
export const leaveTo = url => { setTimeout(() => location.assign(url), 0); };
