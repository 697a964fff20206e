using MutualAid.Safety;
using MutualAid.Web.Safety;
using MutualAid.Web.Tests.SignalR;

namespace MutualAid.Web.Tests.Safety;

/// <summary>A concern reaches the hub's safeguarding role and nothing else: no view, delta, export, API answer or log line.</summary>
public sealed class ConcernPrivacyTests(ConcernPrivacyTests.VerboseWorld world) : IClassFixture<ConcernPrivacyTests.VerboseWorld>
{
    /// <summary>The app's own code logs down to Debug, so a log line with the concern in it would be caught.</summary>
    public sealed class VerboseWorld() : TrustWorld(new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Warning",
    });

    private static readonly string[] NotSafeguarding = ["admin", "regional", "coordinator", "dispatcher", "volunteer", "other-coordinator"];

    [Fact]
    public async Task A_concern_is_visible_to_the_safeguarding_role_and_to_nobody_else_in_any_view()
    {
        var grains = world.Factory.Grains;
        var secret = "Shouted at me on the stairs " + Guid.NewGuid().ToString("N")[..8];
        const string name = "Quillon Vardebrook";
        var request = await Seed.Request(grains, world.A, phone: "07700 4" + Random.Shared.Next(10000, 99999));

        using var coordinatorClient = await world.Client("coordinator");
        await using var connection = world.Factory.BoardConnection(coordinatorClient);
        var (snapshot, frames) = await connection.JoinRecording(world.A);
        var before = snapshot.GetRawText();

        var raised = await (await world.As<ConcernService>("volunteer")).Raise(world.A, null, name, request.ReferenceCode, secret);
        Assert.True(raised.IsOk, raised.Message);
        var id = raised.Value;
        // A change on the board after the concern, so deltas flow while it exists.
        Assert.True((await (await world.As<DispatchService>("coordinator")).Triage(world.A, request.Id, request.Version)).IsOk);
        await Wait.Until(() => !frames.IsEmpty, "a board delta after the concern");

        var safeguarding = await world.As<ConcernService>("safeguarding");
        Assert.Contains((await safeguarding.List(world.A)).Value!, c => c.Id == id);
        var seen = (await safeguarding.Get(world.A, id)).Value!;
        Assert.Equal(secret, seen.Raised.Text);
        Assert.Equal(name, seen.Raised.About);
        Assert.Equal(request.Id, seen.Raised.RequestId);

        foreach (var role in NotSafeguarding)
        {
            var service = await world.As<ConcernService>(role);
            Assert.False((await service.List(world.A)).IsOk, $"{role} listed concerns");
            var read = await service.Get(world.A, id);
            Assert.False(read.IsOk, $"{role} read the concern");
            Assert.Null(read.Value);
        }

        var outputs = new Dictionary<string, string>
        {
            ["snapshot before"] = before,
            ["snapshot after"] = JsonSerializer.Serialize(await connection.InvokeAsync<BoardSnapshot>("GetSnapshot", world.A)),
            ["deltas"] = string.Join("\n", frames),
        };
        foreach (var role in NotSafeguarding.Append("safeguarding"))
        {
            using var client = await world.Client(role);
            foreach (var path in new[]
            {
                $"/hubs/{world.A}", $"/hubs/{world.A}/export/requests.csv", $"/hubs/{world.A}/export/volunteers.csv", $"/hubs/{world.A}/export/timebank.csv",
                $"/hubs/{world.A}/handover.txt", "/my/jobs", $"/volunteers/{world.VolunteerOfA}", $"/hubs/{world.A}/concerns",
            })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                outputs[$"{role} {path}"] = await response.Content.ReadAsStringAsync();
            }

            foreach (var path in new[] { $"/api/v1/hubs/{world.A}/requests", $"/api/v1/hubs/{world.A}/volunteers", $"/api/v1/requests/{request.Id}", $"/api/v1/requests/{request.Id}/notes" })
            {
                var (_, body, _) = await Api.ApiClient.Send(client, HttpMethod.Get, path);
                outputs[$"{role} {path}"] = body.ValueKind == JsonValueKind.Undefined ? "" : body.GetRawText();
            }
        }

        outputs["logs"] = string.Join("\n", world.Factory.Logs.Lines);
        Assert.Contains(world.Factory.Logs.Lines, l => l.Contains(id.ToString(), StringComparison.Ordinal)); // logged, by id
        foreach (var (where, text) in outputs)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the concern's words reached {where}");
            Assert.False(text.Contains(name, StringComparison.Ordinal), $"the concerned person's name reached {where}");
        }
    }

    [Fact]
    public async Task A_requester_raises_one_through_status_and_a_wrong_code_or_wrong_digits_read_exactly_as_not_found()
    {
        var grains = world.Factory.Grains;
        var request = await Seed.Claimed(grains, world.A, "07700 900321", "Wendell Brightwater");
        using var client = world.Factory.CreateClient();

        var notFound = Answer(await Post(client, "/status", request.ReferenceCode, "0000", null));
        var wrongDigits = await Post(client, "/status/concern", request.ReferenceCode, "0000", "He was rude to me.");
        var wrongCode = await Post(client, "/status/concern", "ZZZ-ZZZZ", "0321", "He was rude to me.");
        Assert.Contains("could not find", notFound, StringComparison.Ordinal);
        Assert.Equal(notFound, Answer(wrongDigits));
        Assert.Equal(notFound, Answer(wrongCode));
        Assert.Equal(Strip(wrongDigits), Strip(wrongCode));

        var thanks = await Post(client, "/status/concern", request.ReferenceCode, "0321", "He was rude to me at the door.");
        Assert.Contains("people who look after safety", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("Wendell", thanks, StringComparison.Ordinal);

        var safeguarding = await world.As<ConcernService>("safeguarding");
        var concerns = await Task.WhenAll((await safeguarding.List(world.A)).Value!.Select(async c => (await safeguarding.Get(world.A, c.Id)).Value!));
        var raised = Assert.Single(concerns, c => c.Raised.RequestId == request.Id);
        Assert.Equal("He was rude to me at the door.", raised.Raised.Text);
        Assert.Equal("Wendell Brightwater", raised.Raised.About);
        Assert.True(raised.CanKeepApart); // the requester and the volunteer are both known, so "do not pair" can be set
    }

    private static async Task<string> Post(HttpClient client, string path, string code, string digits, string? concern)
    {
        var page = await client.GetStringAsync(new Uri("/status", UriKind.Relative));
        var form = new Dictionary<string, string> { [FormToken.FieldName] = FormToken.In(page), ["code"] = code, ["digits"] = digits };
        if (concern is not null) form["concern"] = concern;
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
        return await response.Content.ReadAsStringAsync();
    }

    private static string Answer(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-answer\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value).Trim();

    /// <summary>The page without its per-response antiforgery tokens.</summary>
    private static string Strip(string html) => Regex.Replace(html, "value=\"[^\"]{40,}\"", "value=\"\"");
}
