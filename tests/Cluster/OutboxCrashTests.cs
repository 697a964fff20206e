namespace MutualAid.Cluster.Tests;

/// <summary>
/// Issue 16: a text decided with a change is written in the change's own write, so an app SIGKILLed
/// after acknowledging the change and before sending the text sends it after the restart, once.
/// </summary>
public sealed class OutboxCrashTests : IDisposable
{
    private const string Hub = "north";
    private const int Requests = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly string folder = Path.Combine(Path.GetTempPath(), "mutualaid-outbox-crash-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Killed_between_the_change_and_the_send_each_requester_gets_exactly_one_text_after_the_restart()
    {
        await using var twilio = await TwilioStandIn.Start();
        var phones = new Dictionary<Guid, string>();

        // First life: the sender looks once at start and then not for ten minutes, so every text decided
        // now is still unsent when the process dies.
        var app = await EmbeddedApp.Start(folder, Settings(twilio, TimeSpan.FromMinutes(10)));
        try
        {
            var password = await LocalCluster.ReadDemoPassword(Path.Combine(folder, "demo-accounts.txt"));
            var (dispatcher, _) = await LocalCluster.SignIn(app.BaseAddress, "dispatcher@demo.local", password);
            using (dispatcher)
            {
                for (var i = 0; i < Requests; i++)
                {
                    var id = Guid.NewGuid();
                    var phone = "+4477009661" + i.ToString("00", CultureInfo.InvariantCulture);
                    using var created = await dispatcher.PostAsJsonAsync(new Uri($"/api/v1/hubs/{Hub}/requests", UriKind.Relative), new
                    {
                        id,
                        category = "Food",
                        urgency = "Normal",
                        area = "Crash Road",
                        need = "Groceries",
                        contact = new { name = "Texted Person", phone },
                    }, Json);
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    phones[id] = phone;
                }
            }

            Assert.Equal(0, twilio.Requests);
            await app.Kill();
        }
        finally
        {
            await app.DisposeAsync();
        }

        // Second life: nobody touches anything; the texts go out, one per request.
        app = await EmbeddedApp.Start(folder, Settings(twilio, TimeSpan.FromSeconds(1)));
        await using (app)
        {
            await twilio.WaitFor(Requests, seconds: 60);
            await Task.Delay(TimeSpan.FromSeconds(5)); // time enough for a second copy to arrive, were one coming
            var received = twilio.Received;
            foreach (var phone in phones.Values)
            {
                Assert.Single(received, m => m.To == phone);
            }

            // The demo data's own texts (offers to its volunteers, its requesters' receipts) went out in the same
            // pass: none of them twice either.
            var repeated = received.GroupBy(m => (m.To, m.Body)).Where(g => g.Count() > 1).Select(g => $"{g.Key.To}: {g.Key.Body}").ToList();
            Assert.True(repeated.Count == 0, "sent twice: " + string.Join(" | ", repeated));
            Assert.Equal(received.Count, twilio.Requests);
        }
    }

    private static Dictionary<string, string?> Settings(TwilioStandIn twilio, TimeSpan sendInterval)
    {
        // The demo hub keeps UTC; its quiet hours are put six hours ahead, so a "received" text is never held for the night.
        var hour = DateTime.UtcNow.Hour;
        return new(twilio.Settings())
        {
            ["Notifications:SendInterval"] = sendInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Notifications:QuietHours:From"] = $"{(hour + 6) % 24:00}:00",
            ["Notifications:QuietHours:To"] = $"{(hour + 7) % 24:00}:00",
        };
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
