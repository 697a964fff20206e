using MutualAid.Notifications;
using MutualAid.Web.Notifications;
using MutualAid.Web.Safety;

namespace MutualAid.Web.Tests.Safety;

/// <summary>
/// A concern always reaches a person: at a hub nobody holds the safeguarding role for (the default
/// after setup), its coordinators read it and are told through the outbox, with none of its words;
/// once someone holds the role, the coordinators are refused again and the message goes to them.
/// </summary>
public sealed class ConcernFallbackTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task A_requesters_concern_at_a_hub_with_no_safeguarding_person_reaches_its_coordinators_without_its_words_in_any_message()
    {
        var grains = world.Factory.Grains;
        var hub = await Seed.Hub(grains, world.R);
        var hubName = (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Name;
        world.Users["h-coordinator"] = await world.Factory.User(new RoleGrant(Role.Coordinator, hub));
        world.Users["h-dispatcher"] = await world.Factory.User(new RoleGrant(Role.Dispatcher, hub));
        world.Users["h-volunteer"] = await world.Factory.User(new RoleGrant(Role.Volunteer, hub));
        var secret = "The volunteer was rude and took my money " + Guid.NewGuid().ToString("N")[..8];
        const string volunteerName = "Wendell Brightwater";
        var request = await Seed.Claimed(grains, hub, "07700 900654", volunteerName);

        using var coordinatorClient = await world.Client("h-coordinator");
        await TeamPageWarns(hub, true);

        using var anonymous = world.Factory.CreateClient();
        var thanks = await Post(anonymous, request.ReferenceCode, "0654", secret);
        Assert.Contains("people who look after safety", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("safeguarding coordinators", thanks, StringComparison.Ordinal);

        // The coordinator reads it, on the page and through the service; the rest of the hub does not.
        using (var page = await coordinatorClient.GetAsync(new Uri($"/hubs/{hub}/concerns", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var coordinator = await world.As<ConcernService>("h-coordinator");
        var listed = await coordinator.List(hub);
        Assert.True(listed.IsOk, listed.Message);
        var id = Assert.Single(listed.Value!).Id;
        var read = await coordinator.Get(hub, id);
        Assert.True(read.IsOk, read.Message);
        Assert.Equal(secret, read.Value!.Raised.Text);
        Assert.Equal(volunteerName, read.Value.Raised.About);
        foreach (var role in new[] { "h-dispatcher", "h-volunteer", "regional", "admin", "coordinator" })
        {
            Assert.False((await (await world.As<ConcernService>(role)).List(hub)).IsOk, $"{role} listed the hub's concerns");
            using var client = await world.Client(role);
            using var response = await client.GetAsync(new Uri($"/hubs/{hub}/concerns", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        // Whoever handles the hub's concerns is told, through the outbox: the hub's name and where to look, nothing else.
        var outbox = grains.GetGrain<IOutboxGrain>(hub);
        OutboxEntry? told = null;
        await Wait.Until(async () => (told = (await outbox.Recent(100)).FirstOrDefault(e => e.Message.Kind == MessageKind.ConcernRaised)) is not null,
            "the concern's message in the hub's outbox");
        Assert.Equal(Recipient.ConcernHandlers(hub), told!.Message.To);
        Assert.Equal($"A safety concern was raised at {hubName}; open the hub's concerns page.", told.Message.Said.ToString());
        Assert.Equal(new[] { hubName }, told.Message.Said.Args.Select(a => a.ToString()));
        var to = await world.Factory.Services.GetRequiredService<AddressBook>().Find(told.Message);
        Assert.Equal(new[] { world.Users["h-coordinator"]! }, to.Ways.Select(w => w.Address));

        // The request's own messages name its volunteer and reference; the concern's message names neither, nor says anything of it.
        var concernMessages = string.Join("\n", (await outbox.Recent(100)).Where(e => e.Message.Kind == MessageKind.ConcernRaised)
            .Select(e => JsonSerializer.Serialize(new { e.Message.Said.English, Args = e.Message.Said.Args.Select(a => a.ToString()), e.ToName })));
        foreach (var word in new[] { secret, "rude", "money", volunteerName, "Wendell", request.ReferenceCode, "07700", "0654" })
        {
            Assert.DoesNotContain(word, concernMessages, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, await Page(coordinatorClient, $"/hubs/{hub}/outbox"), StringComparison.Ordinal);

        // A concern raised by the hub's own people is told the same way, each its own message.
        var raised = await (await world.As<ConcernService>("h-volunteer")).Raise(hub, null, "Someone", null, "Shouted at me " + secret);
        Assert.True(raised.IsOk, raised.Message);
        await Wait.Until(async () => (await outbox.Recent(100)).Count(e => e.Message.Kind == MessageKind.ConcernRaised) == 2, "a message for the second concern");

        // Someone takes the role: the coordinator is refused again, and the next message is theirs.
        world.Users["h-safeguarding"] = await world.Factory.User(new RoleGrant(Role.Safeguarding, hub));
        Assert.False((await (await world.As<ConcernService>("h-coordinator")).List(hub)).IsOk, "the coordinator still reads concerns");
        Assert.False((await (await world.As<ConcernService>("h-coordinator")).Get(hub, id)).IsOk, "the coordinator still opens a concern");
        using (var refused = await coordinatorClient.GetAsync(new Uri($"/hubs/{hub}/concerns", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/denied", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(2, (await (await world.As<ConcernService>("h-safeguarding")).List(hub)).Value!.Count);
        Assert.Equal(new[] { world.Users["h-safeguarding"]! }, (await world.Factory.Services.GetRequiredService<AddressBook>().Find(told.Message)).Ways.Select(w => w.Address));
        await TeamPageWarns(hub, false);
    }

    /// <summary>The team page, as the hub's coordinator sees it, says (or no longer says) that nobody holds the safeguarding role.</summary>
    private async Task TeamPageWarns(string hub, bool warns)
    {
        await using var context = ComponentContext.Create(world.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = context.Render<TeamPage>(p => p.Add(x => x.Slug, hub));
        page.WaitForAssertion(() => page.Find("[data-testid=team-members]"), TimeSpan.FromSeconds(10));
        var warning = page.FindAll("[data-testid=team-no-safeguarding]");
        if (!warns)
        {
            Assert.Empty(warning);
            return;
        }

        var text = Assert.Single(warning).TextContent;
        Assert.Contains("No one here holds the safeguarding role; coordinators read safety concerns until someone does.", text, StringComparison.Ordinal);
        Assert.Contains("Safeguarding", text.Replace("safeguarding role", "", StringComparison.Ordinal), StringComparison.Ordinal); // the role to invite with, as the invite form names it
    }

    private static async Task<string> Page(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> Post(HttpClient client, string code, string digits, string concern)
    {
        var page = await client.GetStringAsync(new Uri("/status", UriKind.Relative));
        var form = new Dictionary<string, string> { [FormToken.FieldName] = FormToken.In(page), ["code"] = code, ["digits"] = digits, ["concern"] = concern };
        using var response = await client.PostAsync(new Uri("/status/concern", UriKind.Relative), new FormUrlEncodedContent(form));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
