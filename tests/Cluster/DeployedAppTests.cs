namespace MutualAid.Cluster.Tests;

/// <summary>
/// Issue 14, reliability 4: the app as an operator runs it. The README's run command shows no
/// developer pages, and every asset a page needs is served, compressed or not, from the build
/// output and from a publish.
/// </summary>
public sealed partial class DeployedAppTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "mutualaid-deployed-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_readme_run_command_answers_a_bad_form_without_a_developer_page()
    {
        var root = Repository.Root;
        // Exactly the README's `dotnet run --project src/Web` (its launch profile included), from the build.
        await using var app = await EmbeddedApp.Start(Path.Combine(scratch, "data"),
            ["run", "--no-build", "-c", Repository.Configuration, "--project", Path.Combine(root, "src", "Web"), "--"], root, environment: null);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var badToken = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "forged",
            ["email"] = "someone@example.org",
            ["password"] = "guess",
        }));
        var body = await badToken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("publish")]
    [InlineData("publish, started from another folder")]
    public async Task In_production_every_asset_a_page_needs_is_served_compressed_or_not(string from)
    {
        var dll = Repository.WebDll;
        if (from != "build") dll = await Publish();
        // An operator's service may start it from anywhere: the app still finds its own files.
        var startedIn = from == "publish" || from == "build" ? Path.GetDirectoryName(dll)! : Directory.CreateDirectory(Path.Combine(scratch, "elsewhere")).FullName;
        await using var app = await EmbeddedApp.Start(Path.Combine(scratch, "data-" + from.Split(',')[0]), [dll], startedIn, "Production");

        using var plain = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.BaseAddress };
        using var compressed = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = app.BaseAddress };
        compressed.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        // The error page is a full Blazor page anyone can reach: it links everything a board links.
        var page = await plain.GetStringAsync(new Uri("/error", UriKind.Relative));
        var assets = AssetLink().Matches(page).Select(m => m.Groups[1].Value).Where(a => !a.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_content/Radzen.Blazor/Radzen.Blazor.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains(".css", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            foreach (var client in new[] { plain, compressed })
            {
                using var response = await client.GetAsync(new Uri("/" + asset, UriKind.Relative));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{from}: /{asset} answered {(int)response.StatusCode} (Accept-Encoding: {client.DefaultRequestHeaders.AcceptEncoding})");
                Assert.True(bytes.Length > 100, $"{from}: /{asset} came back with {bytes.Length} bytes (Accept-Encoding: {client.DefaultRequestHeaders.AcceptEncoding})");
            }
        }
    }

    private async Task<string> Publish()
    {
        var root = Repository.Root;
        var output = Path.Combine(scratch, "publish");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var arg in new[] { "publish", Path.Combine(root, "src", "Web", "Web.csproj"), "-c", Repository.Configuration, "--no-build", "-o", output }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
        return Path.Combine(output, "MutualAid.Web.dll");
    }

    public void Dispose()
    {
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"#]+\\.(?:css|js)[^\"]*)\"")]
    private static partial Regex AssetLink();
}
