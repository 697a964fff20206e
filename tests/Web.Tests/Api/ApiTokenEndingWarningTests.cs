using MutualAid.ApiTokens;
using MutualAid.Notifications;
using MutualAid.Web.Notifications;

namespace MutualAid.Web.Tests.Api;

/// <summary>
/// A week before a 30-day token ends, each coordinator of its hub gets an email in their own language
/// that names the token, the hub and when it stops, and says where to issue the next one; the outbox
/// lists it. In an app of its own, whose grains' clock the test moves to the token's last week, with
/// a real SMTP server on loopback.
/// </summary>
public sealed class ApiTokenEndingWarningTests : IAsyncLifetime
{
    private readonly GrainClockAhead clock = new();
    private SmtpTestServer smtp = null!;
    private WebAppFactory factory = null!;

    [Fact]
    public async Task Each_coordinator_reads_the_warning_in_their_language_with_the_tokens_name_and_none_of_its_secret()
    {
        var grains = factory.Grains;
        // About noon in the hub, and the clock moved by whole days: the warning does not wait for quiet hours.
        var hub = await Seed.DaytimeHub(grains);
        var settings = (await grains.GetGrain<IHubGrain>(hub).GetSettings())!;
        var english = await factory.User(new RoleGrant(Role.Coordinator, hub));
        var spanish = await factory.User(new RoleGrant(Role.Coordinator, hub));
        Assert.True((await grains.GetGrain<IUserGrain>(IUserGrain.Key(spanish)).SetCulture("es")).IsOk);
        await factory.User(new RoleGrant(Role.Dispatcher, hub));
        var (id, token, hash) = ApiTokenFormat.Create();
        var secret = token[(token.IndexOf('_', 3) + 1)..];
        var issued = await grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, "Hotline bridge", ApiTokenScope.Dispatch, Seed.Sam, hash, 30));
        Assert.True(issued.IsOk, issued.Message);
        var end = TimeZoneInfo.ConvertTime(issued.Value!.ExpiresAt!.Value, HubZone.Of(settings));

        clock.Advance(TimeSpan.FromDays(23));
        // What the token's reminder does when it fires; here its wait would be real days.
        await grains.GetGrain<IApiTokenGrain>(id).CheckEnding();

        await Wait.Until(() => smtp.Received.Count(m => m.MessageId?.StartsWith($"{id:N}:", StringComparison.Ordinal) == true) == 2, "an email to each coordinator", 30);
        var mails = smtp.Received.Where(m => m.MessageId?.StartsWith($"{id:N}:", StringComparison.Ordinal) == true).ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(new[] { english, spanish }.Order(StringComparer.Ordinal), mails.Keys.Order(StringComparer.Ordinal)); // not the dispatcher
        Assert.Equal(
            $"The API token \"Hotline bridge\" of {settings.Name} stops working on {end.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))} at {end:HH:mm} ({settings.TimeZoneId}). "
            + $"Issue a new one on the hub's team page (/hubs/{hub}/team) and put it in the integration before then.",
            mails[english].TextBody?.Trim());
        Assert.Equal(
            $"El token de API «Hotline bridge» de {settings.Name} deja de funcionar el {end.ToString("d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es"))} a las {end:HH:mm} ({settings.TimeZoneId}). "
            + $"Emite uno nuevo en la página del equipo del centro (/hubs/{hub}/team) y ponlo en la integración antes de esa fecha.",
            mails[spanish].TextBody?.Trim());
        foreach (var mail in mails.Values) Assert.DoesNotContain(secret, mail.ToString(), StringComparison.Ordinal);

        // The coordinators' outbox lists it by its kind, in the reader's words; its stored words hold no secret either.
        var outbox = grains.GetGrain<IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.Recent(100)).Any(e => e.Message.Kind == MessageKind.ApiTokenEndingSoon && e.Status == MessageStatus.Sent), "the outbox to say it was sent");
        var entry = Assert.Single(await outbox.Recent(100), e => e.Message.Kind == MessageKind.ApiTokenEndingSoon);
        Assert.Contains("Hotline bridge", entry.Message.Said.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(new { entry.Message.Key, entry.Message.Said.English, Args = entry.Message.Said.Args.Select(a => a.ToString()) }), StringComparison.Ordinal);
        foreach (var (culture, kind) in new[] { ("en", "API token ending soon"), ("es", "Token de API a punto de caducar") })
        {
            await Localization.Localized.In(culture, async () =>
            {
                await using var context = ComponentContext.Create(factory, new RoleGrant(Role.Coordinator, hub));
                var page = context.Render<OutboxPage>(p => p.Add(x => x.Slug, hub));
                page.WaitForAssertion(() => Assert.Contains(kind, page.Find("[data-testid=outbox-grid]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
                Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
            });
        }
    }

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.Start();
        factory = GrainClockAhead.App(clock, smtp.Settings().ToDictionary(s => s.Key, s => s.Value!));
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }
}
