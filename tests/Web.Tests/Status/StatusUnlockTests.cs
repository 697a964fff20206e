using MutualAid.Web.Status;

namespace MutualAid.Web.Tests.Status;

/// <summary>
/// Anyone who knows a reference code can lock it on /status with five wrong digits; the request's
/// hub staff see that from its dispatch dialog and unlock it for the person who asked.
/// </summary>
public sealed class StatusUnlockTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    /// <summary>Posts /status as a browser would: the page's antiforgery token with the code and digits; answers the status line.</summary>
    private static async Task<string> Check(HttpClient client, string code, string digits)
    {
        var page = await client.GetStringAsync(new Uri("/status", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormToken.FieldName] = FormToken.In(page),
            ["code"] = code,
            ["digits"] = digits,
        }));
        var html = await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-answer\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value).Trim();
    }

    /// <summary>What someone who knows only the code can do: guess the digits until it answers "not found" to everyone.</summary>
    private static async Task Lock(HttpClient client, RequestView request, string rightDigits)
    {
        for (var guess = 1000; guess < 1000 + IStatusProofGrain.MaxFailures; guess++) await Check(client, request.ReferenceCode, guess.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("could not find", await Check(client, request.ReferenceCode, rightDigits), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_of_the_requests_hub_sees_its_code_locked_and_unlocks_it_so_the_right_digits_answer_again()
    {
        var hub = await Seed.Hub(Grains);
        var request = await Seed.Request(Grains, hub, phone: "07700 900135");
        using var client = app.Factory.CreateClient();
        await Lock(client, request, "0135");
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Contains("5 wrong phone digits", dialog.Find("[data-testid=status-locked]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await dialog.Click("[data-testid=status-unlock]");

        dialog.WaitForAssertion(() => Assert.Contains("Unlocked", dialog.Find("[data-testid=status-lock-said]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(dialog.FindAll("[data-testid=status-locked]"));
        Assert.Contains("We have received your request.", await Check(client, request.ReferenceCode, "0135"), StringComparison.Ordinal);
        var grain = Grains.GetGrain<IRequestGrain>(request.Id);
        var line = Assert.Single(await grain.GetAudit(), e => e.Said.Key == "DidUnlockStatus");
        Assert.Equal("Cora", line.Actor.DisplayName);
        Assert.Equal(request.Version, (await grain.GetView())!.Version);
    }

    [Fact]
    public async Task A_coordinator_of_another_hub_neither_sees_nor_unlocks_the_lock_and_is_answered_as_for_a_request_that_does_not_exist()
    {
        var hub = await Seed.Hub(Grains);
        var elsewhere = await Seed.Hub(Grains);
        var request = await Seed.Request(Grains, hub, phone: "07700 900246");
        using var client = app.Factory.CreateClient();
        await Lock(client, request, "0246");
        await using var other = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, elsewhere));
        var locks = other.Services.GetRequiredService<StatusLockService>();

        var namingItsHub = await locks.Unlock(hub, request.Id);
        var namingTheirs = await locks.Unlock(elsewhere, request.Id);
        var noSuchRequest = await locks.Unlock(elsewhere, Guid.NewGuid());

        Assert.Equal(ResultStatus.NotFound, noSuchRequest.Status);
        foreach (var refused in new[] { namingItsHub, namingTheirs })
        {
            Assert.Equal((noSuchRequest.Status, noSuchRequest.Reason, noSuchRequest.Message), (refused.Status, refused.Reason, refused.Message));
        }

        Assert.Null(await locks.LockedUntil(hub, request.Id));
        Assert.Null(await locks.LockedUntil(elsewhere, request.Id));
        Assert.Contains("could not find", await Check(client, request.ReferenceCode, "0246"), StringComparison.Ordinal);
        Assert.DoesNotContain(await Grains.GetGrain<IRequestGrain>(request.Id).GetAudit(), e => e.Said.Key == "DidUnlockStatus");
    }
}
