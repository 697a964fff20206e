using MutualAid.Common;
using MutualAid.Notifications;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Notifications;

/// <summary>
/// The coordinators' view of a hub's outbox and their "send again". Every call checks the caller
/// on the server; a refusal says the same whether or not the hub or message exists.
/// </summary>
public sealed class OutboxService(IGrainFactory grains, CurrentUser user, Access access)
{
    public const int Shown = 200;

    public Task<bool> MaySee(string hub) => access.Can(user.Principal, Ability.SeeOutbox, hub);

    public async Task<Result<IReadOnlyList<OutboxEntry>>> Recent(string hub) =>
        await MaySee(hub)
            ? Result<IReadOnlyList<OutboxEntry>>.Ok(await grains.GetGrain<IOutboxGrain>(hub).Recent(Shown))
            : Result<IReadOnlyList<OutboxEntry>>.Refused(Reason.ResendNeedsCoordinator, hub);

    public async Task<Result<OutboxEntry>> Resend(string hub, string key) =>
        await MaySee(hub)
            ? await grains.GetGrain<IOutboxGrain>(hub).Resend(key, user.Actor)
            : Result<OutboxEntry>.Refused(Reason.ResendNeedsCoordinator, hub);
}
