using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.Components;

/// <summary>
/// From the day its coordinators are warned, the team page shows a live token as ending soon, with how
/// long it has left, instead of its expiry date; an expired one and one with weeks left read as before.
/// In an app of its own whose grains' clock the test moves; dates are the hub's (Auckland) in the reader's language.
/// </summary>
public sealed class ApiTokenEndingPanelTests : IAsyncLifetime
{
    private const string Zone = "Pacific/Auckland";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly GrainClockAhead clock = new();
    private readonly WebAppFactory factory;

    public ApiTokenEndingPanelTests() => factory = GrainClockAhead.App(clock);

    private static string Day(DateTimeOffset at, string culture) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("d MMM yyyy", CultureInfo.GetCultureInfo(culture));

    private async Task<(Guid Id, DateTimeOffset End)> Issue(string hub, string name, int days)
    {
        var (id, _, hash) = ApiTokenFormat.Create();
        var issued = await factory.Grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, name, ApiTokenScope.Read, Seed.Sam, hash, days));
        Assert.True(issued.IsOk, issued.Message);
        return (id, issued.Value!.ExpiresAt!.Value);
    }

    [Fact]
    public async Task A_token_in_its_last_days_is_shown_as_ending_soon_in_English_and_Spanish()
    {
        var hub = await Seed.Hub(factory.Grains);
        await Seed.InZone(factory.Grains, hub, Zone);
        var (monthly, monthlyEnd) = await Issue(hub, "Hotline bridge", 30);
        var (yearly, yearlyEnd) = await Issue(hub, "Form tool", 365);
        var (weekly, weeklyEnd) = await Issue(hub, "Old wall display", 7);
        clock.Advance(TimeSpan.FromDays(20));
        var (display, displayEnd) = await Issue(hub, "Wall display", 7);

        // The month's token has three and a half days left (whole days, rounded down), the new week's half a day.
        clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(12));

        await using var context = ComponentContext.Create(factory, new RoleGrant(Role.Coordinator, hub));
        foreach (var (culture, threeDays, underADay, expires, expired) in new[]
        {
            ("en", "Ends in 3 days ({0})", "Ends in under a day ({0})", "Expires {0}", "Expired {0}"),
            ("es", "Termina en 3 días ({0})", "Termina en menos de un día ({0})", "Caduca el {0}", "Caducó el {0}"),
        })
        {
            await Localization.Localized.In(culture, async () =>
            {
                var panel = context.Render<ApiTokensPanel>(p => p.Add(x => x.Hub, hub));
                panel.WaitForAssertion(() => panel.Find($"[data-testid=api-token-ending-{monthly}]"), Patience);
                string Expiry(Guid id) => panel.Find($"[data-testid=api-token-expiry-{id}]").TextContent.Trim();

                Assert.Equal(string.Format(CultureInfo.InvariantCulture, threeDays, Day(monthlyEnd, culture)), Expiry(monthly));
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, underADay, Day(displayEnd, culture)), Expiry(display));
                Assert.Single(panel.FindAll($"[data-testid=api-token-ending-{display}]"));
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, expires, Day(yearlyEnd, culture)), Expiry(yearly));
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, expired, Day(weeklyEnd, culture)), Expiry(weekly));
                Assert.Empty(panel.FindAll($"[data-testid=api-token-ending-{yearly}]"));
                Assert.Empty(panel.FindAll($"[data-testid=api-token-ending-{weekly}]")); // ended: not "ending soon"
                Assert.Single(panel.FindAll($"[data-testid=api-token-revoke-{monthly}]")); // still live, so still revocable
                await Task.CompletedTask;
            });
        }

        // Revoked, it no longer ends by the clock: nothing says it ends soon.
        Assert.True((await factory.Grains.GetGrain<IHubApiTokensGrain>(hub).Revoke(monthly, Seed.Sam)).IsOk);
        Assert.Null((await factory.Grains.GetGrain<IApiTokenGrain>(monthly).View())!.EndsIn);
    }

    public Task InitializeAsync()
    {
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
