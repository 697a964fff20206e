using MutualAid.Common;
using MutualAid.Decisions;
using MutualAid.Fund;
using MutualAid.Hubs;
using MutualAid.Notifications;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Dispatch;

namespace MutualAid.Web.People;

/// <summary>Right of access and erasure on a hub: finding what it holds about a person and forgetting it. Its coordinators only.</summary>
public sealed class PeopleService(IGrainFactory grains, CurrentUser user, RequestReader requests, TeamService team)
{
    public async Task<IReadOnlyList<VolunteerSummary>> Volunteers(string hub) =>
        await user.Can(Ability.ManageHub, hub) ? (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers : [];

    /// <summary>The hub's requests from this contact (phone or email match key), with their private details.</summary>
    public async Task<IReadOnlyList<RequestView>> RequestsOf(string hub, string contactKey)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return [];
        var found = new List<RequestView>();
        foreach (var id in await grains.GetGrain<IHubGrain>(hub).FindRequestsByContact(contactKey))
        {
            if (await requests.PrivateView(id) is { } view && view.HubSlug == hub) found.Add(view);
        }

        return found;
    }

    /// <summary>Right of access: each of the hub's requests from this contact with its history, for its coordinators (empty for anyone else).</summary>
    public async Task<IReadOnlyList<(RequestView Request, IReadOnlyList<AuditEntry> Audit)>> ExportOf(string hub, string contactKey)
    {
        var found = new List<(RequestView, IReadOnlyList<AuditEntry>)>();
        foreach (var view in await RequestsOf(hub, contactKey)) found.Add((view, await grains.GetGrain<IRequestGrain>(view.Id).GetAudit()));
        return found;
    }

    /// <summary>A volunteer of this hub as its coordinators may see them; null for anyone else, or for a volunteer of another hub.</summary>
    public async Task<VolunteerView?> Volunteer(string hub, Guid volunteerId) =>
        await user.Can(Ability.ManageHub, hub) && await grains.GetGrain<IVolunteerGrain>(volunteerId).GetView() is { } view && view.Profile.HubSlugs.Contains(hub)
            ? view.ForStaffOf([hub])
            : null;

    /// <summary>
    /// Forgets a volunteer's personal data, their names in the histories of the requests they
    /// worked on (in any hub) and in their hubs' funds and decisions, and the accounts that were
    /// theirs (or, for one that holds roles elsewhere, its volunteering at their hubs).
    /// </summary>
    public async Task<Result<VolunteerView>> EraseVolunteer(string hub, Guid volunteerId)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return Result<VolunteerView>.Refused(Reason.NotACoordinator, hub);
        var grain = grains.GetGrain<IVolunteerGrain>(volunteerId);
        if (await grain.GetView() is not { } view || !view.Profile.HubSlugs.Contains(hub)) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteerOnHub);
        // The grain refuses this too; asked first, no request is touched for an erasure that cannot happen.
        if (view.Reservations.Count > 0) return Result<VolunteerView>.Refused(Reason.HoldsAssignments, view.Profile.Name, view.Reservations.Count);

        // The requests hear first and the volunteer last, while their names can still be read: one
        // that fails leaves the volunteer whole, and erasing again finishes the rest.
        // Every bound account's name and id, kept accounts' too: they are how the person acted as
        // this volunteer ("Hal accepted"), and only the requests they worked on and their hubs'
        // outboxes are searched, so a kept account's name stays on everything else it did.
        var accounts = await team.AccountsOf(hub, volunteerId);
        var forget = new ForgetVolunteer(volunteerId, [view.Profile.Name, .. accounts.Select(a => a.DisplayName)], [.. accounts.Select(a => a.Email)], user.Actor);
        var worked = await grain.GetRequestsNamingThem();
        var hubs = new HashSet<string>(view.Profile.HubSlugs, StringComparer.Ordinal);
        foreach (var request in worked)
        {
            var told = await grains.GetGrain<IRequestGrain>(request).ForgetVolunteer(forget);
            if (!told.IsOk && told.Status != ResultStatus.NotFound) return told.As<VolunteerView>();
            if (told.Value is { } kept) hubs.Add(kept.HubSlug);
        }

        // What the hubs sent about those jobs names them too ("Zephyrine is on her way").
        foreach (var outbox in hubs) await grains.GetGrain<IOutboxGrain>(outbox).ForgetNamed(worked, forget.Names);

        // Their hubs' funds and decisions name them too ("Asked by Gil", "proposed by Gil"). Amounts
        // and dates stay, so the money still adds up; the fund pays them nothing more. Concerns are a
        // safeguarding record and keep their name (the erase confirmation says so).
        foreach (var own in view.Profile.HubSlugs)
        {
            await grains.GetGrain<IHubFundGrain>(own).ForgetVolunteer(forget);
            var decisions = grains.GetGrain<IHubDecisionsGrain>(own);
            foreach (var proposal in await decisions.Proposals()) await grains.GetGrain<IProposalGrain>(proposal.Id).ForgetVolunteer(forget);
            await decisions.ForgetVolunteer(forget);
        }

        var result = await grain.ErasePersonalData(user.Actor);
        if (result.IsOk) await team.ForgetAccountsOfErased(hub, volunteerId, view.Profile.HubSlugs);
        return result;
    }

    /// <summary>Forgets a requester's personal data on one of the hub's requests.</summary>
    public async Task<Result<RequestView>> EraseRequest(string hub, Guid request, int version, string reason) =>
        await user.Can(Ability.ManageHub, hub)
            ? await grains.GetGrain<IRequestGrain>(request).ErasePersonalData(new RequestCommand(version, user.Actor, reason) { Hub = hub })
            : Result<RequestView>.Refused(Reason.NotACoordinator, hub);
}
