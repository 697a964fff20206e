using MutualAid.Notifications;
using MutualAid.Web.Notifications;

namespace MutualAid.Web.Tests.Notifications;

/// <summary>
/// The sender against a real SMTP server on loopback: each event is one email, in the person's
/// language, and a volunteer's message carries the requester's address only if the job is still
/// theirs when it goes. The sender's own timer is slowed right down so each pass is the test's.
/// </summary>
public sealed class OutboxSenderTests : IAsyncLifetime
{
    private SmtpTestServer smtp = null!;
    private WebAppFactory factory = null!;

    private IGrainFactory Grains => factory.Grains;

    private OutboxSender Sender => factory.Services.GetRequiredService<OutboxSender>();

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.Start();
        var settings = smtp.Settings().ToDictionary(s => s.Key, s => s.Value!);
        settings["Notifications:SendInterval"] = "00:10:00";
        settings["Notifications:PublicUrl"] = "https://aid.example.org";
        factory = new WebAppFactory(settings);
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_Spanish_requester_gets_exactly_one_email_per_event_in_Spanish()
    {
        var hub = await DaytimeHub();
        var created = await Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, "Elm Street",
            "Comida", new ContactDetails("Lucía Pérez", null, "lucia@example.org", "12 Elm Street"), RequestSource.PhoneIntake, Seed.Sam)
        { PreferredLanguage = "Español" });
        var request = created.Value!;

        await SendWhenQueued(hub, 1);
        var received = Assert.Single(await smtp.WaitFor(1));
        Assert.Equal("lucia@example.org", received.To.Mailboxes.Single().Address);
        Assert.Contains($"Hemos recibido tu solicitud. Tu referencia es {request.ReferenceCode}.", Body(received), StringComparison.Ordinal);
        Assert.Equal($"Hub {hub}: hemos recibido tu solicitud", received.Subject); // the hub's name (Seed names it "Hub …"), not its slug

        await Grains.GetGrain<IRequestGrain>(request.Id).Cancel(new RequestCommand(request.Version, Seed.Sam, "La familia ayudó"));
        await SendWhenQueued(hub, 2);
        var cancelled = (await smtp.WaitFor(2))[1];
        Assert.Contains($"Tu solicitud {request.ReferenceCode} fue cancelada: La familia ayudó", Body(cancelled), StringComparison.Ordinal);

        Assert.Equal(0, await Sender.SendDue(CancellationToken.None)); // nothing left: sent once
        await Task.Delay(300);
        Assert.Equal(2, smtp.Received.Count);
        var outbox = await Grains.GetGrain<IOutboxGrain>(hub).Recent(10);
        Assert.All(outbox, e => Assert.Equal((MessageStatus.Sent, Channel.Email), (e.Status, Assert.Single(e.Channels))));
    }

    [Fact]
    public async Task A_volunteers_offer_email_carries_no_contact_details_they_have_not_yet_accepted_the_job()
    {
        var hub = await DaytimeHub();
        var volunteer = await EmailedVolunteer(hub, "Rosa Diaz", "English", "rosa@example.org");
        var kept = await Seed.Request(Grains, hub, phone: "07700 900201");
        var dropped = await Seed.Request(Grains, hub, phone: "07700 900202");
        await Grains.GetGrain<IRequestGrain>(kept.Id).Assign(new AssignCommand(kept.Version, Seed.Sam, volunteer));
        var assigned = (await Grains.GetGrain<IRequestGrain>(dropped.Id).Assign(new AssignCommand(dropped.Version, Seed.Sam, volunteer))).Value!;
        // Taken back before the offer went out: when it goes, the job is not theirs any more.
        await Grains.GetGrain<IRequestGrain>(dropped.Id).Unassign(new RequestCommand(assigned.Version, Seed.Sam, "Needs a car"));

        await SendWhenQueued(hub, 5); // two received (to the requesters, by email: no SMS here), two offered, one taken away
        await smtp.WaitFor(5);
        var toRosa = smtp.Received.Where(m => m.To.Mailboxes.Single().Address == "rosa@example.org").ToArray();
        Assert.Equal(3, toRosa.Length);
        var offers = toRosa.Where(m => Body(m).StartsWith("New job for you", StringComparison.Ordinal)).ToArray();
        var stillHers = Assert.Single(offers, m => Body(m).Contains(kept.ReferenceCode, StringComparison.Ordinal));
        // Offered, not yet accepted: they may still decline, and an email cannot be taken back.
        Assert.DoesNotContain("Contact:", Body(stillHers), StringComparison.Ordinal);
        Assert.DoesNotContain("07700", Body(stillHers), StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", Body(stillHers), StringComparison.Ordinal);
        Assert.Contains("https://aid.example.org/my/jobs", Body(stillHers), StringComparison.Ordinal);
        var takenBack = Assert.Single(offers, m => Body(m).Contains(dropped.ReferenceCode, StringComparison.Ordinal));
        Assert.DoesNotContain("Contact:", Body(takenBack), StringComparison.Ordinal);
        Assert.DoesNotContain("07700", Body(takenBack), StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", Body(takenBack), StringComparison.Ordinal);
        Assert.Single(toRosa, m => Body(m).Contains("is no longer yours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_volunteer_who_reads_Spanish_is_offered_the_job_in_Spanish()
    {
        var hub = await DaytimeHub();
        var volunteer = await EmailedVolunteer(hub, "Luis Romero", "Español", "luis@example.org");
        var request = await Seed.Request(Grains, hub, phone: "07700 900301");
        await Grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, volunteer));

        await SendWhenQueued(hub, 2); // the requester's receipt and the offer
        await smtp.WaitFor(2);
        var offer = Assert.Single(smtp.Received, m => m.To.Mailboxes.Single().Address == "luis@example.org");
        Assert.StartsWith("Nuevo trabajo para ti", Body(offer), StringComparison.Ordinal);
        Assert.Contains(request.ReferenceCode, Body(offer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_coordinator_of_a_hub_hears_an_escalation_in_the_language_their_account_chose()
    {
        var region = $"region-{Guid.NewGuid():N}"[..16];
        Assert.True((await Grains.GetGrain<IRegionGrain>(region).Configure("Region", Seed.Sam)).IsOk);
        var (from, neighbour) = (await DaytimeHub(region), await DaytimeHub(region));
        var (ana, beto) = ($"ana-{Guid.NewGuid():N}@example.org", $"beto-{Guid.NewGuid():N}@example.org");
        foreach (var email in new[] { ana, beto })
        {
            Assert.True((await Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).Create(email[..4], "x", [new RoleGrant(Role.Coordinator, neighbour)], Seed.Sam)).IsOk);
        }

        Assert.True((await Grains.GetGrain<IUserGrain>(IUserGrain.Key(beto)).SetCulture("es")).IsOk);
        await Wait.Until(async () => (await Grains.GetGrain<IRegionGrain>(region).GetOverview())?.Hubs.Count == 2, "both hubs in the region");
        var request = await Seed.Request(Grains, from);
        Assert.True((await Grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, region, "No drivers today"))).IsOk);

        await SendWhenQueued(neighbour, 1);
        // The requester's own messages (in the hub it came from) may be queued and sent around these; only the coordinators' count here.
        MimeKit.MimeMessage[] To(string email) => [.. smtp.Received.Where(m => m.To.Mailboxes.Single().Address == email)];
        await Wait.Until(() => To(ana).Length > 0 && To(beto).Length > 0, "both coordinators' emails");
        var (toAna, toBeto) = (Assert.Single(To(ana)), Assert.Single(To(beto)));
        Assert.StartsWith($"Hub {from} offers the region request {request.ReferenceCode}", Body(toAna), StringComparison.Ordinal);
        Assert.StartsWith($"Hub {from} ofrece", Body(toBeto), StringComparison.Ordinal); // the hub's name (Seed names it "Hub …")
        // The subject says what happened to the reader's hub, and nothing of the need or the requester.
        Assert.Equal($"Hub {neighbour}: a need was passed to your hub", toAna.Subject);
        Assert.Equal($"Hub {neighbour}: han pasado una necesidad a tu centro", toBeto.Subject);
        Assert.NotEqual(toAna.MessageId, toBeto.MessageId);
        await Sender.SendDue(CancellationToken.None);
        Assert.Equal((1, 1), (To(ana).Length, To(beto).Length));
    }

    private static string Body(MimeKit.MimeMessage message) => message.TextBody ?? "";

    /// <summary>A hub where it is midday now, so quiet hours hold nothing back whatever time the test runs.</summary>
    private Task<string> DaytimeHub(string region = "test-region") => Seed.DaytimeHub(Grains, region);

    /// <summary>A volunteer of the hub who reads <paramref name="language"/> and is told of jobs by email only.</summary>
    private async Task<Guid> EmailedVolunteer(string hub, string name, string language, string email)
    {
        var volunteer = Guid.NewGuid();
        Assert.True((await Grains.GetGrain<IVolunteerGrain>(volunteer).Register(new VolunteerProfile(name, [hub], [RequestCategory.Food], [language], true, 3, 10)
        {
            Contact = new ContactDetails(name, null, email, null),
            NotifyBy = [Channel.Email],
        }, Seed.Sam)).IsOk);
        return volunteer;
    }

    /// <summary>Waits until the grains have handed <paramref name="count"/> messages to the outbox, then runs one sender pass.</summary>
    private async Task SendWhenQueued(string hub, int count)
    {
        await Wait.Until(async () => (await Grains.GetGrain<IOutboxGrain>(hub).Recent(50)).Count >= count, $"{count} messages in the outbox");
        await Sender.SendDue(CancellationToken.None);
    }
}
