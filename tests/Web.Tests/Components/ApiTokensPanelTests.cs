using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.Components;

public sealed class ApiTokensPanelTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_coordinator_issues_a_token_that_is_shown_once_and_revokes_it_after_confirming()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var panel = context.Render<ApiTokensPanel>(p => p.Add(x => x.Hub, hub));
        panel.WaitForAssertion(() => panel.Find("[data-testid=api-tokens-none]"), Patience);

        await panel.Change("input[data-testid=api-token-name]", "Hotline bridge");
        await panel.Change("[data-testid=api-token-scope]", nameof(ApiTokenScope.Dispatch));
        await panel.Click("[data-testid=api-token-issue]");

        panel.WaitForAssertion(() => panel.Find("[data-testid=api-token-secret]"), Patience);
        var secret = panel.Find("[data-testid=api-token-secret]").GetAttribute("value")!;
        Assert.Contains("shown only this once", panel.Find("[data-testid=api-token-issued]").TextContent, StringComparison.Ordinal);
        Assert.True(ApiTokenFormat.TryRead(secret, out var id, out var hash));
        Assert.Equal(new ApiTokenGrant(id, hub, ApiTokenScope.Dispatch, "Hotline bridge"), await grains.GetGrain<IApiTokenGrain>(id).Verify(hash));
        Assert.Contains("Hotline bridge", panel.Find($"[data-testid=api-token-{id}]").TextContent, StringComparison.Ordinal);
        // The pages' policy is script-src 'self': an inline handler (onfocus="this.select()" was one) is blocked
        // and reported as a violation. bUnit keeps Blazor's own @onclick as "blazor:on…"; a plain "on…" is inline script.
        Assert.Empty(panel.FindAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name));

        await panel.Click("[data-testid=api-token-dismiss]");
        Assert.DoesNotContain(secret, panel.Markup, StringComparison.Ordinal);
        var again = context.Render<ApiTokensPanel>(p => p.Add(x => x.Hub, hub));
        again.WaitForAssertion(() => again.Find($"[data-testid=api-token-{id}]"), Patience);
        Assert.DoesNotContain(secret, again.Markup, StringComparison.Ordinal); // never shown again, wherever the page is opened

        await again.Click($"[data-testid=api-token-revoke-{id}]");
        Assert.NotNull(await grains.GetGrain<IApiTokenGrain>(id).Verify(hash)); // asking is not yet revoking
        await again.Click("[data-testid=api-token-revoke-confirm]");

        again.WaitForAssertion(() => Assert.Contains("revoked", again.Find($"[data-testid=api-token-{id}]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Null(await grains.GetGrain<IApiTokenGrain>(id).Verify(hash));
    }

    [Theory]
    [InlineData(Role.Dispatcher)]
    [InlineData(Role.Volunteer)]
    [InlineData(Role.NetworkAdmin)]
    public async Task Others_of_the_hub_see_no_tokens_and_no_way_to_issue_one(Role role)
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(role, role == Role.NetworkAdmin ? null : hub));

        var panel = context.Render<ApiTokensPanel>(p => p.Add(x => x.Hub, hub));

        panel.WaitForState(() => panel.RenderCount >= 2, Patience); // the access check has answered and the panel re-rendered
        Assert.Empty(panel.FindAll("[data-testid=api-token-issue]"));
        Assert.Empty(panel.FindAll("[data-testid=api-tokens]"));
    }
}
