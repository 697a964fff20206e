using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// The audit line for a /status code the hub's staff unlocked. The lock lives in the code's own
/// grain (<see cref="StatusProofGrain"/>), which calls this one to prove digits; so this grain never
/// calls it back, and the web tier, once this line is kept, asks that grain to unlock.
/// </summary>
public sealed partial class RequestGrain
{
    private const string StatusUnlockedKey = "DidUnlockStatus";

    public async Task<Result<AuditEntry>> RecordStatusUnlock(StatusUnlock command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Unfit<AuditEntry>(command, Signed(command.Actor)) is { } unfit) return unfit;

        // Not a change of the request (the version stays, the board hears nothing): who let the
        // person back in to their own status, and when, is what the hub has to be able to answer.
        var line = new AuditEntry(View!.Version, Now, command.Actor, Phrase.Of(StatusUnlockedKey, "unlocked this request's code on the status page"), null);
        var upcoming = state.State.Copy();
        upcoming.Audit.Add(line);
        await Write(upcoming);
        return Result<AuditEntry>.Ok(line);
    }
}
