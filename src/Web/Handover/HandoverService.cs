using Microsoft.Extensions.Localization;
using MutualAid.Hubs;
using MutualAid.Web.Accounts;
using MutualAid.Web.Localization;
using MutualAid.Web.Region;
using MutualAid.Web.Volunteers;

namespace MutualAid.Web.Handover;

/// <summary>The end-of-shift summary of a hub, for its dispatchers and coordinators.</summary>
public sealed class HandoverService(IGrainFactory grains, CurrentUser user, TimeProvider clock, IStringLocalizer<UiText> text, HubZones zones)
{
    public const int MinHours = 1;
    public const int MaxHours = 48;

    /// <summary>What happened in the last <paramref name="hours"/> hours (1 to 48); null for anyone who may not dispatch on the hub.</summary>
    public async Task<HandoverReport?> Build(string hub, int hours)
    {
        if (!await user.Can(Ability.Dispatch, hub)) return null;
        var now = clock.GetUtcNow();
        return await HandoverReport.Build(grains, hub, now - TimeSpan.FromHours(Math.Clamp(hours, MinHours, MaxHours)), now);
    }

    /// <summary>The report as a text file, its times in the hub's zone; null for anyone who may not dispatch on the hub.</summary>
    public async Task<string?> Text(string hub, int hours)
    {
        if (await Build(hub, hours) is not { } report) return null;
        return report.ToText(await zones.Of(hub), text, await HubNames.Of(grains, hub));
    }
}
