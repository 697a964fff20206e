using System.Net;
using MutualAid.Thanks;

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
    public async Task A_download_refused_for_what_it_was_asked_is_said_in_the_coordinators_language()
    {
        using var coordinator = await world.Client("coordinator");
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var noContact = await coordinator.GetAsync(new Uri($"/hubs/{world.A}/people/export", UriKind.Relative));
        var noVolunteer = await coordinator.GetAsync(new Uri($"/hubs/{world.A}/people/volunteers/{Guid.NewGuid()}/export", UriKind.Relative));

        // A page, not a bare JSON string: the coordinator opened a link in their browser.
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.Equal("text/html", noContact.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Indica un teléfono o un correo electrónico.", WebUtility.HtmlDecode(await noContact.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noVolunteer.StatusCode);
        Assert.Equal("text/html", noVolunteer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No existe ese voluntario en este centro.", WebUtility.HtmlDecode(await noVolunteer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hubs_download_of_a_volunteer_leaves_out_their_thanks_and_their_other_hubs_jobs_and_notices()
    {
        var grains = world.Factory.Grains;
        var volunteer = Guid.NewGuid();
        Assert.True((await grains.GetGrain<IVolunteerGrain>(volunteer).Register(
            new VolunteerProfile("Vera", [world.A, world.C], [RequestCategory.Food], ["English"], true, 3, 10), Seed.Sam)).IsOk);

        // On hub C: a job done and thanked for, and one she holds now (her last reservation).
        var done = await Accepted(world.C, volunteer);
        var request = grains.GetGrain<IRequestGrain>(done.Id);
        var started = await request.Start(new RequestCommand(done.Version, Seed.Sam) { Hub = world.C });
        Assert.True((await request.Fulfil(new FulfilCommand(started.Value!.Version, Seed.Sam, 1) { Hub = world.C })).IsOk);
        Assert.True((await request.Thank(new ThankCommand(Guid.NewGuid(), ThanksFrom.Requester, "Thank you Vera, my insulin arrived in time", new Actor("requester", "The person who asked")))).IsOk);
        var held = await Accepted(world.C, volunteer);
        await grains.GetGrain<IVolunteerGrain>(volunteer).Tell(world.C, Seed.Sam, "About the flat on Cedar Road");
        await grains.GetGrain<IVolunteerGrain>(volunteer).Tell(world.A, Seed.Sam, "Shift swap on Friday");
        var mine = await Accepted(world.A, volunteer);

        using var coordinator = await world.Client("coordinator");
        var body = await coordinator.GetStringAsync(new Uri($"/hubs/{world.A}/people/volunteers/{volunteer}/export", UriKind.Relative));

        Assert.DoesNotContain("insulin", body, StringComparison.Ordinal);
        Assert.DoesNotContain(done.Id.ToString(), body, StringComparison.Ordinal);
        Assert.DoesNotContain(held.Id.ToString(), body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cedar Road", body, StringComparison.Ordinal);
        Assert.Contains(mine.Id.ToString(), body, StringComparison.Ordinal);
        Assert.Contains("Shift swap on Friday", body, StringComparison.Ordinal);

        // Her page shows that coordinator the same cut.
        var (page, _) = await (await world.As<VolunteerService>("coordinator")).Page(volunteer);
        Assert.Equal([mine.Id], page!.Reservations.Select(r => r.RequestId));
        Assert.Empty(page.Thanks);
    }

    private async Task<RequestView> Accepted(string hub, Guid volunteer)
    {
        var request = await Seed.Request(world.Factory.Grains, hub);
        var grain = world.Factory.Grains.GetGrain<IRequestGrain>(request.Id);
        var assigned = await grain.Assign(new AssignCommand(request.Version, Seed.Sam, volunteer) { Hub = hub });
        Assert.True(assigned.IsOk, assigned.Message);
        var accepted = await grain.Accept(new RequestCommand(assigned.Value!.Version, Seed.Sam) { Hub = hub });
        Assert.True(accepted.IsOk, accepted.Message);
        return accepted.Value!;
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
