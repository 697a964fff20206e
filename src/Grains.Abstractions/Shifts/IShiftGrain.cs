namespace MutualAid.Shifts;

/// <summary>
/// An organiser's own shift, keyed by their account (the normalised email). A leaf: it calls nobody,
/// so boards and the hours page may read it from anywhere.
/// </summary>
[Alias("MutualAid.IShiftGrain")]
public interface IShiftGrain : IGrainWithStringKey
{
    /// <summary>Starts a shift on <paramref name="hubSlug"/> (ending one that runs); a running shift on the same hub just takes the new planned length.</summary>
    [Alias("Start")] Task<Result<ShiftView>> Start(string hubSlug, double plannedHours);

    /// <summary>Ends the running shift; nothing to end is not an error.</summary>
    [Alias("Finish")] Task<Result<ShiftView>> Finish();

    [Alias("GetShift"), ReadOnly] Task<ShiftView> GetShift();

    /// <summary>Forgets every shift: the account it is keyed by was erased (the key is their email). Idempotent.</summary>
    [Alias("Forget")] Task Forget();
}
