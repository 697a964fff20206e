namespace MutualAid.Web.Tests.Trust;

/// <summary>10,000 generated malformed, oversized and injection-style inputs: no 5xx, no crash, nothing stored from a rejected input.</summary>
public sealed class HostileInputTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly string[] Nasty =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE grain_state; --", "\0\0\0", "\u0001\u0002\u001b[31m",
        "../../etc/passwd", "{{7*7}}", "${jndi:ldap://x}", "\ud83d\ude00\u202e\u200b", "Robert'); --", "%00%0d%0a", "NaN", "-1", "1e309",
        "Critical ", "critical", "7", "Food,Shelter", "", " ", "\r\n\r\n", "null", "[]", "{}", new string('x', 5000), new string('é', 3000),
    ];

    [Fact]
    public async Task Ten_thousand_hostile_form_posts_and_hub_calls_never_fail_and_store_nothing_they_reject()
    {
        var grains = world.Factory.Grains;
        var hub = world.B;
        var before = (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count;
        using var client = world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = FormToken.In(await client.GetStringAsync(new Uri("/ask", UriKind.Relative)));
        var random = new Random(20261124);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var accepted = 0;
        var statuses = new ConcurrentDictionary<int, int>();

        // Drawn in order from the one seed, so the inputs are the same every run however the posts interleave.
        var inputs = new (bool Ask, Dictionary<string, string> Fields)[9_000];
        for (var i = 0; i < inputs.Length; i++)
        {
            var ask = i % 3 != 2;
            var fields = ask
                ? new Dictionary<string, string> { ["hub"] = hub, ["category"] = "Food", ["urgency"] = "Normal", ["need"] = "Bread and milk", ["area"] = "Mill Lane", ["name"] = "Jo", ["phone"] = "07700 900000" }
                : new Dictionary<string, string> { ["hub"] = hub, ["kind"] = "Goods", ["category"] = "Food", ["description"] = "Rice", ["quantity"] = "5", ["unit"] = "kg", ["name"] = "Jo" };
            var keys = fields.Keys.ToArray();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                var key = keys[random.Next(keys.Length)];
                switch (random.Next(4))
                {
                    case 0: fields.Remove(key); break;
                    case 1: fields[key] = Nasty[random.Next(Nasty.Length)]; break;
                    case 2: fields[key] = RandomText(random, random.Next(0, 300)); break;
                    default: fields["junk" + random.Next(1000)] = Nasty[random.Next(Nasty.Length)]; break;
                }
            }

            if (i % 500 == 0) fields["need"] = new string('A', 40_000); // over the request size limit
            fields["__RequestVerificationToken"] = token;
            inputs[i] = (ask, fields);
        }

        // A few posts in flight at once, as several hostile clients would send them: the server's
        // answers do not depend on the order, and the two cores are kept busy instead of one.
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancel) =>
        {
            var (ask, fields) = inputs[i];
            using var response = await client.PostAsync(new Uri(ask ? "/ask" : "/offer", UriKind.Relative), new FormUrlEncodedContent(fields), cancel);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            Assert.True(status < 500, $"input {i} got {status}: {string.Join("&", fields.Select(f => f.Key + "=" + f.Value[..Math.Min(40, f.Value.Length)]))}");
            var body = await response.Content.ReadAsStringAsync(cancel);
            Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal); // everything echoed back is encoded
            if (status == 200 && ask && body.Contains("Your reference is", StringComparison.Ordinal)) Interlocked.Increment(ref accepted);
            if (status is 400 or 413) Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal); // a clear answer, not an empty error
        });

        Console.WriteLine($"forms done at {stopwatch.Elapsed}");
        var after = (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count;
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count == before + accepted,
            $"exactly the {accepted} accepted requests are stored (statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))})");
        Assert.True(statuses.GetValueOrDefault(400) > 1000, "most mutations should be rejected");

        // And 1,000 junk calls to the hub's methods.
        await using var connection = world.Factory.BoardConnection(await world.Client("coordinator"));
        await connection.StartAsync();
        for (var i = 0; i < 1_000; i++)
        {
            var slug = i % 2 == 0 ? Nasty[random.Next(Nasty.Length)] : RandomText(random, random.Next(0, 80));
            var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>(i % 3 == 0 ? "GetSnapshot" : "JoinHub", slug));
            Assert.Contains("hub", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        Console.WriteLine($"hub calls done at {stopwatch.Elapsed}");
        Assert.Equal(HubConnectionState.Connected, connection.State);
        _ = after;
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++) builder.Append((char)random.Next(0, 0x3000));
        return builder.ToString();
    }
}
