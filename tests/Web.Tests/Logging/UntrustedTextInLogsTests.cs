namespace MutualAid.Web.Tests.Logging;

/// <summary>What an attacker puts in a URL or a body reaches the log only bounded and escaped, and never as a 500.</summary>
public sealed class UntrustedTextInLogsTests(UntrustedTextInLogsTests.VerboseWorld world) : IClassFixture<UntrustedTextInLogsTests.VerboseWorld>
{
    /// <summary>
    /// The app's own code down to Debug; the framework at the levels a deployment logs (other tests
    /// quieten SignalR, whose error log is where a refused hub call's message lands).
    /// </summary>
    public sealed class VerboseWorld() : TrustWorld(new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Warning",
    });

    // 5,000 characters with a NUL, a BEL and an escape sequence that would recolour a terminal.
    private static readonly string Hostile = new string('a', 2000) + "\0\a\u001b[31m" + new string('b', 2993);

    [Fact]
    public async Task A_five_thousand_character_slug_with_control_characters_is_refused_without_a_500_and_logged_only_bounded_and_escaped()
    {
        Assert.Equal(5000, Hostile.Length);
        // A path cannot carry a NUL (the server refuses it before routing), so the path has the rest and the query the NUL.
        var slug = Uri.EscapeDataString(Hostile.Replace("\0", "", StringComparison.Ordinal));
        var query = "?hub=" + Uri.EscapeDataString(Hostile) + "&returnUrl=" + Uri.EscapeDataString(Hostile);
        var paths = new[] { $"/hubs/{slug}", $"/hubs/{slug}/board", $"/hubs/{slug}/map", $"/hubs/{slug}/import", $"/hubs/{slug}/export/volunteers.csv",
            $"/hubs/{slug}/export/requests.csv", $"/hubs/{slug}/handover.txt", $"/hubs/{slug}/people/export", $"/regions/{slug}", $"/invite/{slug}", $"/reset/{slug}", "/ask", "/offer", "/account/login" };
        using var coordinator = await world.Client("coordinator");
        using var anonymous = await world.Client("anonymous");
        foreach (var client in new[] { coordinator, anonymous })
        {
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path + query, UriKind.Relative));
                Assert.True((int)response.StatusCode < 500, $"{path[..Math.Min(20, path.Length)]}… answered {(int)response.StatusCode}");
            }
        }

        using var api = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/hubs/{slug}/requests", UriKind.Relative))
        {
            Content = JsonContent.Create(new CreateRequestBody(RequestCategory.Food, Urgency.Normal, Hostile, Hostile, new ContactBody(Hostile, Hostile, null, Hostile)) { Id = Guid.NewGuid() }),
        };
        api.Headers.Add(ClientHeaderFilter.Header, "tests");
        using var dispatcher = await world.Client("dispatcher");
        using var answer = await dispatcher.SendAsync(api);
        Assert.True((int)answer.StatusCode is >= 400 and < 500, $"the API answered {(int)answer.StatusCode}");

        await using (var connection = world.Factory.BoardConnection(coordinator))
        {
            await connection.StartAsync();
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>("JoinHub", Hostile));
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>("GetSnapshot", Hostile));
        }

        var lines = world.Factory.Logs.Lines;
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.False(line.Contains(new string('a', 100), StringComparison.Ordinal) || line.Contains(new string('b', 100), StringComparison.Ordinal),
                $"a log line holds the long input: {line[..Math.Min(300, line.Length)]}");
            Assert.DoesNotContain(line, c => c is '\0' or '\a' or '\u001b');
        }
    }
}
