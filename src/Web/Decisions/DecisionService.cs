using MutualAid.Common;
using MutualAid.Decisions;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Decisions;

/// <summary>
/// A hub's proposals and assembly minutes, for its members only (any role). A proposal of another
/// hub answers as one that does not exist. The grains check membership again on every write.
/// </summary>
public sealed class DecisionService(IGrainFactory grains, CurrentUser user, TimeProvider clock)
{
    public Task<bool> MayTakePart(string hub) => user.Can(Ability.TakePartInDecisions, hub);

    public Task<bool> MayRecordMinutes(string hub) => user.Can(Ability.RecordMinutes, hub);

    public string Me => user.Actor.UserId;

    public Task<Result<IReadOnlyList<ProposalSummary>>> Proposals(string hub) =>
        user.Read(Ability.TakePartInDecisions, hub, Reason.DecisionNotMember, grains.GetGrain<IHubDecisionsGrain>(hub).Proposals);

    public async Task<Result<ProposalView>> Get(string hub, Guid id)
    {
        if (!await MayTakePart(hub)) return Result<ProposalView>.Refused(Reason.DecisionNotMember, hub);
        var grain = grains.GetGrain<IProposalGrain>(id);
        var view = await grain.GetView();
        if (view is null || view.HubSlug != hub) return Result<ProposalView>.NotFound(Reason.DecisionNoSuchProposal);
        // Past its deadline a proposal reads closed even if its reminder has not come round yet.
        if (view.IsOpen && clock.GetUtcNow() >= view.Proposed.Deadline) view = await grain.CheckDeadline() ?? view;
        return Result<ProposalView>.Ok(view);
    }

    public async Task<Result<ProposalView>> Propose(string hub, string title, string text, DateTimeOffset deadline, IReadOnlyList<string> options)
    {
        if (!await MayTakePart(hub)) return Result<ProposalView>.Refused(Reason.DecisionNotMember, hub);
        var cleaned = (options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).ToArray();
        return await grains.GetGrain<IProposalGrain>(Guid.NewGuid()).Propose(new NewProposal(hub, title ?? "", text ?? "", deadline, cleaned, user.Actor));
    }

    public async Task<Result<ProposalView>> Vote(string hub, Guid id, int? option, string? objection)
    {
        var found = await Get(hub, id);
        if (!found.IsOk) return found;
        return await grains.GetGrain<IProposalGrain>(id).Vote(option, objection, user.Actor);
    }

    public Task<Result<IReadOnlyList<AssemblyMinutes>>> Minutes(string hub) =>
        user.Read(Ability.TakePartInDecisions, hub, Reason.DecisionNotMember, grains.GetGrain<IHubDecisionsGrain>(hub).Minutes);

    public async Task<Result<AssemblyMinutes>> RecordMinutes(string hub, DateOnly heldOn, string text, string decision)
    {
        if (!await MayRecordMinutes(hub)) return Result<AssemblyMinutes>.Refused(Reason.DecisionMinutesNeedCoordinator);
        return await grains.GetGrain<IHubDecisionsGrain>(hub).RecordMinutes(new AssemblyMinutes(Guid.NewGuid(), heldOn, text ?? "", decision ?? "", user.Actor, clock.GetUtcNow()));
    }
}
