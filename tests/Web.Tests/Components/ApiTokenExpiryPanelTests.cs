using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.Components;

/// <summary>
/// The team page's tokens with their lifetimes, in an app of its own whose grains' clock the test moves
/// past an expiry. Dates are the hub's (Auckland, a day ahead of UTC for half of each day) in the reader's language.
/// </summary>
public sealed class ApiTokenExpiryPanelTests : IAsyncLifetime
{
    private const string Zone = "Pacific/Auckland";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly GrainClockAhead clock = new();
    private readonly WebAppFactory factory;

    public ApiTokenExpiryPanelTests() => factory = GrainClockAhead.App(clock);

    private static string Day(DateTimeOffset at, string culture) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("d MMM yyyy", CultureInfo.GetCultureInfo(culture));

    [Fact]
    public async Task A_token_is_issued_for_the_chosen_lifetime_and_the_list_says_when_it_expires_then_that_it_expired()
    {
        var hub = await Seed.Hub(factory.Grains);
        await Seed.InZone(factory.Grains, hub, Zone);
        await using var context = ComponentContext.Create(factory, new RoleGrant(Role.Coordinator, hub));
        Guid id = default;
        await Localization.Localized.In("en", async () =>
        {
            var panel = context.Render<ApiTokensPanel>(p => p.Add(x => x.Hub, hub));
            panel.WaitForAssertion(() => panel.Find("[data-testid=api-tokens-none]"), Patience);
            var lifetime = panel.Find("[data-testid=api-token-lifetime]");
            Assert.Equal(["7 days", "30 days", "90 days", "365 days"], lifetime.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
            Assert.Equal("90", lifetime.GetAttribute("value")); // the default, with no "never" among the choices

            await panel.Change("input[data-testid=api-token-name]", "Hotline bridge");
            await panel.Change("[data-testid=api-token-lifetime]", "30");
            await panel.Click("[data-testid=api-token-issue]");

            panel.WaitForAssertion(() => panel.Find("[data-testid=api-token-secret]"), Patience);
            Assert.True(ApiTokenFormat.TryRead(panel.Find("[data-testid=api-token-secret]").GetAttribute("value")!, out id, out _));
            var token = (await factory.Grains.GetGrain<IApiTokenGrain>(id).View())!;
            Assert.Equal(token.CreatedAt.AddDays(30), token.ExpiresAt);
            var expiry = panel.Find($"[data-testid=api-token-expiry-{id}]").TextContent.Trim();
            Assert.Equal($"Expires {Day(token.ExpiresAt!.Value, "en")}", expiry);
            Assert.Matches(@"^Expires \d{1,2} [A-Z][a-z]{2} \d{4}$", expiry); // "Expires 3 Mar 2027"
            Assert.Empty(panel.FindAll($"[data-testid=api-token-expired-{id}]"));
            Assert.Single(panel.FindAll($"[data-testid=api-token-revoke-{id}]"));
        });

        clock.Advance(TimeSpan.FromDays(30));

        var end = (await factory.Grains.GetGrain<IApiTokenGrain>(id).View())!.ExpiresAt!.Value;
        await Localization.Localized.In("es", async () =>
        {
            var panel = context.Render<ApiTokensPanel>(p => p.Add(x => x.Hub, hub));
            panel.WaitForAssertion(() => panel.Find($"[data-testid=api-token-expired-{id}]"), Patience);
            Assert.Equal($"Caducó el {Day(end, "es")}", panel.Find($"[data-testid=api-token-expiry-{id}]").TextContent.Trim());
            Assert.Contains("caducado", panel.Find($"[data-testid=api-token-{id}]").TextContent, StringComparison.Ordinal);
            Assert.Empty(panel.FindAll($"[data-testid=api-token-revoke-{id}]")); // nothing left to revoke, as for a revoked token
            Assert.Contains("30 días", panel.Find("[data-testid=api-token-lifetime]").TextContent, StringComparison.Ordinal);
            await Task.CompletedTask;
        });
    }

    public Task InitializeAsync()
    {
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
