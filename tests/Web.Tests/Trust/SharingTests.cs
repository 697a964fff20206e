using MutualAid.Web.TimeBank;

namespace MutualAid.Web.Tests.Trust;

/// <summary>
/// Regions that share, through the web tier: a surplus offer moves between hubs of one region and
/// every board follows live; a need raised to the network goes to a hub of another region; only
/// those the region's sharing is for may act on it. And a person's time bank is theirs and their
/// coordinators' to read.
/// </summary>
public sealed class SharingTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task A_shared_offer_is_taken_by_another_hub_of_the_region_live_and_never_by_a_hub_of_another_region()
    {
        await using var boardA = await BoardClient.Join(world.Factory.BoardConnection(await world.Client("coordinator")), world.A);
        await using var boardB = await BoardClient.Join(world.Factory.BoardConnection(await world.Client("regional")), world.B);
        var entered = await (await world.As<OfferDeskService>("coordinator")).Enter(world.A,
            new NewOffer("ignored", OfferKind.Goods, RequestCategory.Food, "Surplus bread", 30, "loaves",
                new ContactDetails("Tom", "07700 900555", null, null), RequestSource.PhoneIntake, Seed.Sam));
        Assert.True(entered.IsOk, entered.Message);
        var offer = entered.Value!;
        var shared = await (await world.As<OfferDeskService>("dispatcher")).ShareWithRegion(world.A, offer.Id, offer.Version);
        Assert.True(shared.IsOk, shared.Message);
        await Wait.Until(() => boardA.Board.Offers.Any(o => o.Id == offer.Id), "hub A's board to show the offer");

        // A coordinator of region S's hub can take it neither into their own hub nor into one of region R.
        var other = await world.As<SharingService>("other-coordinator");
        Assert.Equal(ResultStatus.NotFound, (await other.TakeOffer(offer.Id, world.C)).Status);
        Assert.Equal(ResultStatus.Refused, (await other.TakeOffer(offer.Id, world.B)).Status);
        Assert.Equal(world.A, (await world.Factory.Grains.GetGrain<IOfferGrain>(offer.Id).GetView())!.HubSlug);

        var taken = await (await world.As<SharingService>("regional")).TakeOffer(offer.Id, world.B);

        Assert.True(taken.IsOk, taken.Message);
        Assert.Equal(world.B, taken.Value!.HubSlug);
        await Wait.Until(() => boardA.Board.Offers.All(o => o.Id != offer.Id) && boardB.Board.Offers.Any(o => o.Id == offer.Id),
            () => $"the offer to leave A's board and appear on B's (A v{boardA.Board.Version}, B v{boardB.Board.Version})");
        Assert.Equal(0, boardA.Resyncs + boardB.Resyncs); // followed by deltas, not by reloading
    }

    [Fact]
    public async Task The_regions_coordinator_raises_a_critical_need_to_the_network_and_a_hub_of_another_region_takes_it()
    {
        var grains = world.Factory.Grains;
        var request = await Seed.Request(grains, world.A, phone: "07700 6" + Random.Shared.Next(10000, 99999), urgency: Urgency.Critical);
        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, world.R, "no drivers tonight"))).IsOk);
        var other = await world.As<RegionService>("other-coordinator");
        Assert.False((await other.TakeIntoHub(request.Id, world.C)).IsOk); // escalated to region R only

        // The hub's own coordinator does not speak for the region.
        Assert.Equal(ResultStatus.Refused, (await (await world.As<SharingService>("coordinator")).RaiseToNetwork(request.Id, world.R, "please")).Status);
        var raised = await (await world.As<SharingService>("regional")).RaiseToNetwork(request.Id, world.R, "every hub of the region is out of drivers");
        Assert.True(raised.IsOk, raised.Message);
        Assert.Contains(await (await world.As<SharingService>("other-coordinator")).RaisedNeeds(world.S), r => r.Need.Request.Id == request.Id);

        var taken = await other.TakeIntoHub(request.Id, world.C);

        Assert.True(taken.IsOk, taken.Message);
        var after = (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!;
        Assert.Equal((world.C, RequestStatus.Triaged, false), (after.HubSlug, after.Status, after.RaisedToNetwork));
        Assert.DoesNotContain(await (await world.As<SharingService>("regional")).RaisedNeeds(world.R), r => r.Need.Request.Id == request.Id);
    }

    [Fact]
    public async Task A_time_bank_statement_is_read_by_the_person_and_their_coordinators_only()
    {
        var someoneElse = await Seed.Volunteer(world.Factory.Grains, world.A, "Otto");

        Assert.NotEmpty(await (await world.As<TimeBankService>("volunteer", world.VolunteerOfA)).Statements(world.VolunteerOfA));
        Assert.NotEmpty(await (await world.As<TimeBankService>("coordinator")).Statements(world.VolunteerOfA));
        Assert.Empty(await (await world.As<TimeBankService>("volunteer", someoneElse)).Statements(world.VolunteerOfA));
        Assert.Empty(await (await world.As<TimeBankService>("other-coordinator")).Statements(world.VolunteerOfA));
        Assert.Empty(await (await world.As<TimeBankService>("dispatcher")).Statements(world.VolunteerOfA));

        // The coordinator reads the region by its name ("Region R"), not its slug.
        using var coordinator = await world.Client("coordinator");
        var theirs = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync(new Uri($"/my/timebank?person={world.VolunteerOfA}", UriKind.Relative)));
        Assert.Contains(">Region Region R</h2>", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(world.R, theirs, StringComparison.Ordinal);

        // Through the page too: another volunteer asking for Vee's statement sees none.
        using var client = await world.Client("volunteer");
        var page = await client.GetStringAsync(new Uri($"/my/timebank?person={world.VolunteerOfA}", UriKind.Relative));
        Assert.Contains("timebank-empty", page, StringComparison.Ordinal);
        Assert.DoesNotContain("timebank-balance", page, StringComparison.Ordinal);
        // Said as it is: not "your account is not linked to a volunteer", which is false for them.
        Assert.Contains("There is no time bank here that you can see.", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }
}
