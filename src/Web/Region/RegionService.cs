using Microsoft.Extensions.Localization;
using MutualAid.Accounts;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Region;

/// <summary>Regions and their hubs: what a person may see of them, an administrator's setup, a coordinator's hub settings, and taking in needs offered to the region.</summary>
public sealed class RegionService(IGrainFactory grains, CurrentUser user, IStringLocalizer<UiText> text)
{
    /// <summary>A region with only the hubs this person may open, and whether they may open its overview.</summary>
    public sealed record VisibleRegion(RegionOverview Overview, bool CanOpenOverview);

    public async Task<IReadOnlyList<VisibleRegion>> Visible()
    {
        var list = new List<VisibleRegion>();
        foreach (var info in await grains.GetGrain<INetworkGrain>(0).GetRegions())
        {
            if (await grains.GetGrain<IRegionGrain>(info.Slug).GetOverview() is not { } overview) continue;
            var visible = new List<HubSummary>();
            foreach (var hub in overview.Hubs)
            {
                if (await user.Can(Ability.ViewBoard, hub.Slug)) visible.Add(hub);
            }

            if (visible.Count > 0) list.Add(new VisibleRegion(overview with { Hubs = visible }, await user.Can(Ability.ViewRegion, null, info.Slug)));
        }

        return list;
    }

    /// <summary>Every region with every hub, for the network administrator (empty for anyone else).</summary>
    public async Task<IReadOnlyList<RegionOverview>> All()
    {
        if (!await user.Can(Ability.Administer, null)) return [];
        var list = new List<RegionOverview>();
        foreach (var info in await grains.GetGrain<INetworkGrain>(0).GetRegions())
        {
            list.Add(await grains.GetGrain<IRegionGrain>(info.Slug).GetOverview() ?? new RegionOverview(info.Slug, info.Name, [], [], 0));
        }

        return [.. list.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Names a new region; one that exists keeps its name (RegionExists).</summary>
    public async Task<Result<RegionInfo>> CreateRegion(string region, string name) =>
        await user.Can(Ability.Administer, null)
            ? await grains.GetGrain<IRegionGrain>(region).Create(name, user.Actor)
            : Result<RegionInfo>.Refused(Reason.NotAnAdministrator);

    /// <summary>Renames a region that exists (its slug, in every link, stays); administrators may.</summary>
    public async Task<Result<RegionInfo>> RenameRegion(string region, string? name)
    {
        if (!await user.Can(Ability.Administer, null)) return Result<RegionInfo>.Refused(Reason.NotAnAdministrator);
        var grain = grains.GetGrain<IRegionGrain>(region);
        return Slug.IsValid(region) && await grain.GetOverview() is not null
            ? await grain.Configure(name ?? "", user.Actor)
            : Result<RegionInfo>.NotFound(Reason.NoSuchRegion, LogSafe.Bound(region));
    }

    /// <summary>
    /// Creates the hub in <paramref name="timeZone"/> (UTC when none), and its region first when it
    /// is new (a region that exists keeps its name); never a hub that exists.
    /// </summary>
    public async Task<Result<HubSummary>> CreateHub(string region, string regionName, string hub, string hubName, string? timeZone = null)
    {
        var settings = new HubSettings(hubName, region) { TimeZoneId = ZoneOrUtc(timeZone) };
        // Whatever would refuse the hub is asked first (its own fields, then whether it exists): a refused
        // hub must not leave a new, empty region behind.
        if (settings.Validate() is { Count: > 0 } wrong) return Result<HubSummary>.Invalid(wrong);
        // Only an administrator learns whether a hub exists.
        if (!await user.Can(Ability.Administer, null)) return Result<HubSummary>.Refused(Reason.NotAnAdministrator);
        if (await HubExists(hub)) return Result<HubSummary>.Refused(Reason.HubExists, hub);
        var created = await CreateRegion(region, regionName);
        if (!created.IsOk && created.Reason != Reason.RegionExists) return created.As<HubSummary>();
        return await grains.GetGrain<IHubGrain>(hub).Create(settings, user.Actor);
    }

    public async Task<bool> HubExists(string hub) =>
        Slug.IsValid(hub) && await grains.GetGrain<IHubGrain>(hub).GetSummary() is not null;

    /// <summary>One of the hub's settings, for someone with <paramref name="ability"/> on it; null for anyone else and for no such hub.</summary>
    private async Task<T?> Setting<T>(string hub, Ability ability, Func<HubSettings, T?> read) where T : class =>
        await user.Can(ability, hub) && await grains.GetGrain<IHubGrain>(hub).GetSettings() is { } settings ? read(settings) : null;

    /// <summary>How long the hub gives itself to assign each urgency (the defaults when it has set none).</summary>
    public async Task<UrgencyTimes> Deadlines(string hub) =>
        await Setting(hub, Ability.ViewBoard, s => s.Deadlines) ?? UrgencyTimes.DefaultDeadlines;

    /// <summary>Sets how long the hub gives itself to assign each urgency; its coordinators (and admins) may.</summary>
    public async Task<Result<HubSummary>> UpdateDeadlines(string hub, UrgencyTimes deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return await Reconfigure(hub, settings => settings with { Deadlines = deadlines });
    }

    /// <summary>The hub's visit rules (safe-arrival timers); anyone who sees the board may read them.</summary>
    public async Task<ArrivalPolicy> Arrivals(string hub) =>
        await Setting(hub, Ability.ViewBoard, s => s.ArrivalRules) ?? ArrivalPolicy.Default;

    /// <summary>Sets the safe-arrival timers; its coordinators (and admins) may.</summary>
    public Task<Result<HubSummary>> UpdateArrivalTimers(string hub, TimeSpan expected, TimeSpan margin, TimeSpan escalateAfter) =>
        Reconfigure(hub, settings => settings with { Arrivals = settings.ArrivalRules with { ExpectedVisit = expected, Margin = margin, EscalateAfter = escalateAfter } });

    /// <summary>
    /// Sets what the hub counts as a visit: these categories, and (when <paramref name="afterDark"/>) a
    /// job planned between <paramref name="darkFrom"/> and <paramref name="darkUntil"/> in the hub's zone.
    /// </summary>
    public Task<Result<HubSummary>> UpdateVisits(string hub, IReadOnlyList<RequestCategory> categories, bool afterDark, TimeOnly darkFrom, TimeOnly darkUntil) =>
        Reconfigure(hub, settings => settings with
        {
            Arrivals = settings.ArrivalRules with { VisitCategories = [.. categories.Distinct()], AfterDarkIsVisit = afterDark, DarkFrom = darkFrom, DarkUntil = darkUntil },
        });

    /// <summary>How long a volunteer's claim holds for each urgency, and how many claims they may give back in an hour; its coordinators see them.</summary>
    public async Task<(UrgencyTimes Windows, int GiveBacksPerHour)> Claims(string hub)
    {
        var settings = await user.Can(Ability.ManageHub, hub) ? await grains.GetGrain<IHubGrain>(hub).GetSettings() : null;
        return (settings?.ClaimWindows ?? UrgencyTimes.DefaultClaims, settings?.AllowedGiveBacksPerHour ?? HubSettings.DefaultGiveBacksPerHour);
    }

    /// <summary>Sets the hub's claim windows and give-backs an hour; every request uses them within a minute.</summary>
    public Task<Result<HubSummary>> UpdateClaims(string hub, UrgencyTimes windows, int giveBacksPerHour) =>
        Reconfigure(hub, settings => settings with { Claims = windows, GiveBacksPerHour = giveBacksPerHour });

    /// <summary>The hub's name as people read it; its coordinators see it here.</summary>
    public async Task<string?> Name(string hub) =>
        await Setting(hub, Ability.ManageHub, s => s.Name);

    /// <summary>The hub's name for its pages' headings, to anyone who may see its board; null for anyone else.</summary>
    public async Task<string?> DisplayName(string hub) =>
        await user.Can(Ability.ViewBoard, hub) ? await HubNames.Of(grains, hub) : null;

    /// <summary>The names of those of <paramref name="hubs"/> whose boards the reader may see, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNames(IEnumerable<string> hubs)
    {
        var seen = new List<string>();
        foreach (var hub in hubs.Distinct(StringComparer.Ordinal))
        {
            if (await user.Can(Ability.ViewBoard, hub)) seen.Add(hub);
        }

        return await HubNames.OfHubs(grains, seen);
    }

    /// <summary>
    /// The hub or region an invitation is for, by name (its slug when it has none). For the holder of a
    /// usable link, who is not signed in yet, so it asks no ability: the link itself is the permission.
    /// </summary>
    public async Task<string> ScopeName(RoleGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.Scope is not { } scope) return "";
        var name = grant.Role == Role.RegionalCoordinator ? await HubNames.OfRegion(grains, scope) : await HubNames.Of(grains, scope);
        return name ?? scope;
    }

    /// <summary>Renames the hub (its slug, in every link, stays); the region and the public forms read the new name.</summary>
    public Task<Result<HubSummary>> Rename(string hub, string? name) =>
        Reconfigure(hub, settings => settings with { Name = name ?? "" });

    /// <summary>The hub's time zone (an IANA name, "UTC" until one is set); its coordinators see it.</summary>
    public async Task<string?> TimeZone(string hub) =>
        await Setting(hub, Ability.ManageHub, s => s.TimeZoneId);

    /// <summary>Sets the zone every time the hub's people read is given in; an unknown name is refused by the hub.</summary>
    public Task<Result<HubSummary>> UpdateTimeZone(string hub, string? zone) =>
        Reconfigure(hub, settings => settings with { TimeZoneId = ZoneOrUtc(zone) });

    /// <summary>
    /// A zone as typed, spelt as the time zone database spells it ("europe/london" is found, case aside,
    /// and kept as "Europe/London"); none is UTC, the zone a hub has until one is set.
    /// </summary>
    private static string ZoneOrUtc(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? "UTC"
        : TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, zone.Trim(), StringComparison.OrdinalIgnoreCase))?.Id ?? zone.Trim();

    /// <summary>The number people text this hub at; its coordinators see it.</summary>
    public async Task<string?> SmsNumber(string hub) =>
        await Setting(hub, Ability.ManageHub, s => s.SmsNumber);

    /// <summary>Sets (or, empty, clears) the number people text this hub at; refused when another hub has it.</summary>
    public Task<Result<HubSummary>> UpdateSmsNumber(string hub, string? number) =>
        Reconfigure(hub, settings => settings with { SmsNumber = string.IsNullOrWhiteSpace(number) ? null : number.Trim() });

    /// <summary>The country numbers typed without a "+" are read by (ISO alpha-2, "ES"); its coordinators see it.</summary>
    public async Task<string?> Country(string hub) =>
        await Setting(hub, Ability.ManageHub, s => s.Country);

    /// <summary>Sets (or, empty, clears) the hub's country; "es" is kept as ISO writes it, "ES", and a code no country has is refused by the hub.</summary>
    public Task<Result<HubSummary>> UpdateCountry(string hub, string? country) =>
        Reconfigure(hub, settings => settings with { Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant() });

    /// <summary>The places the hub works in, as its forms offer them; its coordinators see them.</summary>
    public async Task<IReadOnlyList<NamedArea>> Areas(string hub) =>
        await Setting(hub, Ability.ManageHub, s => s.Areas) ?? [];

    /// <summary>Replaces the hub's list of named areas in one write; its coordinators (and admins) may.</summary>
    public Task<Result<HubSummary>> UpdateAreas(string hub, IReadOnlyList<NamedArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return Reconfigure(hub, settings => settings with { Areas = areas });
    }

    /// <summary>When the hours page calls an organiser's week too long; its coordinators see it.</summary>
    public async Task<global::MutualAid.Shifts.ShiftLimits> ShiftLimits(string hub) =>
        await Setting(hub, Ability.ManageHub, s => s.ShiftLimits) ?? global::MutualAid.Shifts.ShiftLimits.Default;

    public Task<Result<HubSummary>> UpdateShiftLimits(string hub, global::MutualAid.Shifts.ShiftLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Reconfigure(hub, settings => settings with { ShiftLimits = limits });
    }

    /// <summary>One change to a hub's settings, by its coordinators (and admins), through the hub's one command.</summary>
    private async Task<Result<HubSummary>> Reconfigure(string hub, Func<HubSettings, HubSettings> change)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return Result<HubSummary>.Refused(Reason.NotACoordinator, hub);
        var grain = grains.GetGrain<IHubGrain>(hub);
        if (await grain.GetSettings() is not { } settings) return Result<HubSummary>.NotFound(Reason.NoSuchHub, hub);
        var changed = change(settings);
        var saved = await grain.Configure(changed, user.Actor);
        // Told from here, not by the hub: the outbox reads the hub's settings, so the hub calling it would close a cycle.
        if (saved.IsOk && changed.TimeZoneId != settings.TimeZoneId) await grains.GetGrain<MutualAid.Notifications.IOutboxGrain>(hub).ZoneChanged(changed.TimeZoneId);
        return saved;
    }

    /// <summary>
    /// Takes a request that was escalated or offered to the region onto <paramref name="hub"/>'s
    /// board: that hub's dispatchers and coordinators may, and the region's coordinators for any of
    /// its hubs. Answers with the summary only: taking a need in is no reason to see who asked.
    /// </summary>
    public async Task<Result<RequestSummary>> TakeIntoHub(Guid requestId, string hub)
    {
        if (!Slug.IsValid(hub) || !await user.Can(Ability.TakeIntoHub, hub)) return Result<RequestSummary>.Refused(Reason.CannotTakeIntoHub, hub);
        var grain = grains.GetGrain<IRequestGrain>(requestId);
        var region = (await grains.GetGrain<IHubGrain>(hub).GetSettings())?.RegionSlug;
        // The request is on another hub's board (that is the point), so its region is what is checked, not a hub.
        var current = await grain.GetSummary();
        // A need raised to the whole network may go to a hub of any region.
        var offered = current is not null && (current.RaisedToNetwork || (region is not null
            && ((current.Status == RequestStatus.Escalated && current.EscalatedTo == region) || current.OfferedToRegion == region)));
        if (!offered) return Result<RequestSummary>.NotFound(Reason.NotWaitingForRegion);

        var moved = current!.Status == RequestStatus.Escalated
            ? await grain.Reopen(new RequestCommand(current.Version, user.Actor, text["Region.TakenBy", hub])) is { IsOk: true } reopened
                ? await grain.TransferTo(new TransferCommand(reopened.Value!.Version, user.Actor, hub))
                : Result<RequestView>.Refused(Reason.CouldNotReopen)
            : await grain.TransferTo(new TransferCommand(current.Version, user.Actor, hub));
        return moved.IsOk ? Result<RequestSummary>.Ok(moved.Value!.Redact()) : moved.As<RequestSummary>();
    }
}
