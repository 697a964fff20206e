namespace MutualAid.Web.Tests.Trust;

public sealed class PrivateDownloadTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task Every_download_with_contact_details_tells_browsers_and_proxies_not_to_keep_it()
    {
        await Seed.Request(world.Factory.Grains, world.A);
        using var coordinator = await world.Client("coordinator");
        foreach (var path in new[]
        {
            $"/hubs/{world.A}/export/volunteers.csv",
            $"/hubs/{world.A}/export/requests.csv",
            $"/hubs/{world.A}/export/timebank.csv",
            $"/hubs/{world.A}/people/export?phone=07700%20900123",
            $"/hubs/{world.A}/people/volunteers/{world.VolunteerOfA}/export",
            $"/hubs/{world.A}/handover.txt",
        })
        {
            var response = await coordinator.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} has Cache-Control: no-store");
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }

        using var volunteer = await world.Client("volunteer");
        var jobs = await volunteer.GetAsync(new Uri(MyJobsEndpoints.Path, UriKind.Relative));
        Assert.True(jobs.Headers.CacheControl?.NoStore == true, $"{MyJobsEndpoints.Path} has Cache-Control: no-store ({jobs.StatusCode})");
    }

    [Fact]
    public async Task The_site_has_a_favicon_that_its_pages_point_to()
    {
        using var anonymous = await world.Client("anonymous");
        var icon = await anonymous.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes.Take(4)); // an ICO header
        Assert.Contains("rel=\"icon\" href=\"/favicon.ico\"", await anonymous.GetStringAsync(new Uri("/account/login", UriKind.Relative)));
    }
}
