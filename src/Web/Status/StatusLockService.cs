using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Status;

/// <summary>
/// The staff side of the /status lock: anyone who knows a reference code can lock it with five wrong
/// digits, so the coordinators and dispatchers of the request's hub see that it is locked and can
/// unlock it for the person who asked. Anyone else, and a request not on the hub named or not there
/// at all, gets one answer, so a refusal says nothing about what exists.
/// </summary>
public sealed partial class StatusLockService(IGrainFactory grains, CurrentUser user, ILogger<StatusLockService> logger)
{
    /// <summary>Until when the request's code answers "not found" on /status; null when it answers, and for anyone who may not know.</summary>
    public async Task<DateTimeOffset?> LockedUntil(string hub, Guid request) =>
        await Proof(hub, request) is { } proof ? await proof.LockedUntil() : null;

    /// <summary>
    /// Unlocks the request's code: true when it was locked, false when there was nothing to unlock.
    /// The audit line is kept first, so a crash between the two leaves a line whose unlock the next
    /// press finishes, never an unlock nobody can account for.
    /// </summary>
    public async Task<Result<bool>> Unlock(string hub, Guid request)
    {
        if (await Proof(hub, request) is not { } proof) return Result<bool>.NotFound(Reason.NotInHub);
        if (await proof.LockedUntil() is null) return Result<bool>.Ok(false);
        var recorded = await grains.GetGrain<IRequestGrain>(request).RecordStatusUnlock(new StatusUnlock(user.Actor) { Hub = hub });
        if (!recorded.IsOk) return recorded.As<bool>();
        await proof.Unlock();
        LogUnlocked(logger, request, hub, user.LogId);
        return Result<bool>.Ok(true);
    }

    /// <summary>The proof grain of the request's code, for a dispatcher of <paramref name="hub"/> when the request is on its board; null otherwise.</summary>
    private async Task<IStatusProofGrain?> Proof(string hub, Guid request) =>
        await user.Can(Ability.Dispatch, hub) && await grains.GetGrain<IRequestGrain>(request).GetSummary() is { } summary && summary.HubSlug == hub
            ? grains.GetGrain<IStatusProofGrain>(IReferenceCodeGrain.Key(summary.ReferenceCode))
            : null;

    // Ids only: the code is the key to someone's status, so it never reaches a log line.
    [LoggerMessage(Level = LogLevel.Information, Message = "Status code of request {RequestId} at {Hub} unlocked by {By}")]
    private static partial void LogUnlocked(ILogger logger, Guid requestId, string hub, string by);
}
