using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.TimeBank;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Region;

namespace MutualAid.Web.TimeBank;

/// <summary>
/// The reciprocal time bank: one balance per person (the volunteer their account links to), hours
/// given minus hours received, counted together across the hubs of a region. A statement is for the
/// person and their hubs' coordinators only; transfers are a coordinator's, within one region.
/// </summary>
public sealed class TimeBankService(IGrainFactory grains, CurrentUser user)
{
    public const int Weeks = 8;

    /// <summary>The signed-in person's own statements (one per region they volunteer in); empty when their account has no volunteer.</summary>
    public Task<IReadOnlyList<PersonalTimeBank>> Own() =>
        user.VolunteerId is { } me ? Statements(me) : Task.FromResult<IReadOnlyList<PersonalTimeBank>>([]);

    /// <summary>A person's statements, for them and for coordinators of one of their hubs; empty for anyone else.</summary>
    public async Task<IReadOnlyList<PersonalTimeBank>> Statements(Guid person)
    {
        if (await grains.GetGrain<IVolunteerGrain>(person).GetView() is not { } volunteer || !await MaySee(volunteer)) return [];
        var list = new List<PersonalTimeBank>();
        foreach (var scope in (await Scopes(volunteer.Profile.HubSlugs)).Distinct(StringComparer.Ordinal))
        {
            if (await grains.GetGrain<ITimeBankGrain>(scope).Statement(person, Weeks) is { } statement) list.Add(statement);
        }

        return list;
    }

    /// <summary>
    /// Moves hours between two people of the hub's region; its coordinators may. The transfer id
    /// comes from the form, so sending it twice records it once.
    /// </summary>
    public async Task<Result<HoursTransfer>> Transfer(string hub, Guid transferId, Guid from, Guid to, double hours, string? reason)
    {
        if (!Slug.IsValid(hub) || !await user.Can(Ability.ManageHub, hub)) return Result<HoursTransfer>.Refused(Reason.CannotTransferHours, hub);
        var scope = (await Scopes([hub])).Single();
        return await grains.GetGrain<ITimeBankGrain>(scope).Transfer(new HoursTransfer(transferId, from, to, hours, reason ?? "", user.Actor, default));
    }

    /// <summary>
    /// The names people read for the regions and hubs these statements hold by slug (the slug where
    /// one has no name). Whoever holds a statement may read the names of the places in it.
    /// </summary>
    public async Task<TimeBankNames> Names(IReadOnlyList<PersonalTimeBank> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var scopes = await HubNames.Many(statements.Select(s => s.Scope), scope =>
            ITimeBankGrain.HubOfScope(scope) is { } alone ? HubNames.Of(grains, alone) : HubNames.OfRegion(grains, scope));
        var hubs = await HubNames.OfHubs(grains, statements.SelectMany(s => s.Lines.Select(l => l.Hub)));
        return new TimeBankNames(scopes, hubs);
    }

    private async Task<bool> MaySee(VolunteerView volunteer)
    {
        if (user.VolunteerId == volunteer.Id) return true;
        foreach (var hub in volunteer.Profile.HubSlugs)
        {
            if (await user.Can(Ability.ManageHub, hub)) return true;
        }

        return false;
    }

    /// <summary>Each hub's time bank scope: its region, or the hub alone when it belongs to none.</summary>
    private async Task<IReadOnlyList<string>> Scopes(IEnumerable<string> hubs)
    {
        var scopes = new List<string>();
        foreach (var hub in hubs)
        {
            scopes.Add((await grains.GetGrain<IHubGrain>(hub).GetSettings())?.RegionSlug ?? ITimeBankGrain.HubScope(hub));
        }

        return scopes;
    }
}
