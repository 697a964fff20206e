using MutualAid.Stats;

namespace MutualAid.Grains.Tests.Stats;

/// <summary>
/// A hub's figures over time: notices counted once into the week they happened in, medians from
/// the buckets, a region as the sum of its hubs, and the needs survey's answers joining the weeks.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HubStatsTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    /// <summary>A Monday two weeks back: well inside the kept weeks, and never the current one.</summary>
    private static readonly DateTimeOffset Monday = new(StatsWeek.WeekOf(DateTimeOffset.UtcNow).AddDays(-14).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static RequestSummary Summary(Guid id, string hub, int version, RequestStatus status, DateTimeOffset created, DateTimeOffset updated,
        RequestCategory category = RequestCategory.Food, Urgency urgency = Urgency.Normal) =>
        new(id, version, hub, status, category, urgency, "Elm Street", "Food parcel", RequestSource.PhoneIntake, created, updated, "sam")
        {
            AssignedVolunteerId = status is RequestStatus.Assigned or RequestStatus.InProgress or RequestStatus.Fulfilled ? Guid.NewGuid() : null,
        };

    private async Task<IReadOnlyList<StatsWeek>> WeeksWhen(string hub, Func<IReadOnlyList<StatsWeek>, bool> ready)
    {
        IReadOnlyList<StatsWeek> weeks = [];
        await Wait.Until(async () => ready(weeks = await fixture.Grains.GetGrain<IHubStatsGrain>(hub).GetWeeks()), $"the figures of {hub}");
        return weeks;
    }

    /// <summary>
    /// Feeds one request's life as the hub would: created, assigned after <paramref name="toAssign"/>, then
    /// delivered or cancelled, each step counted before the next is sent (one-way notices from a client
    /// may overtake each other), then late and repeated notices, which change nothing.
    /// </summary>
    private static async Task Life(IHubStatsGrain stats, string hub, DateTimeOffset created, TimeSpan toAssign, TimeSpan toEnd, RequestStatus end,
        RequestCategory category = RequestCategory.Food, Urgency urgency = Urgency.Normal, double hours = 0)
    {
        var id = Guid.NewGuid();
        static (int Created, int Assigned, int Ended) Totals(IReadOnlyList<StatsWeek> weeks) =>
            (weeks.Sum(w => w.CreatedTotal), weeks.Sum(w => w.Assigned), weeks.Sum(w => w.DeliveredTotal + w.Cancelled));
        var before = Totals(await stats.GetWeeks());
        async Task Step(RequestSummary summary, double given, Func<(int Created, int Assigned, int Ended), bool> counted)
        {
            await stats.RequestsChanged([new RequestCounted(summary, given)]);
            await Wait.Until(async () => counted(Totals(await stats.GetWeeks())), $"{summary.Status} counted");
        }

        await Step(Summary(id, hub, 1, RequestStatus.New, created, created, category, urgency), 0, t => t.Created == before.Created + 1);
        await Step(Summary(id, hub, 2, RequestStatus.Assigned, created, created + toAssign, category, urgency), 0, t => t.Assigned == before.Assigned + 1);
        await Step(Summary(id, hub, 3, end, created, created + toEnd, category, urgency), hours, t => t.Ended == before.Ended + 1);
        await stats.RequestsChanged([new RequestCounted(Summary(id, hub, 2, RequestStatus.Assigned, created, created + toAssign, category, urgency), 0)]);
        await stats.RequestsChanged([new RequestCounted(Summary(id, hub, 3, end, created, created + toEnd, category, urgency), hours)]);
    }

    [Fact]
    public async Task Each_request_is_counted_once_in_the_week_things_happened_with_medians_from_the_buckets()
    {
        var hub = Domain.NewSlug();
        var stats = fixture.Grains.GetGrain<IHubStatsGrain>(hub);
        var at = Monday.AddHours(9);
        await Life(stats, hub, at, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(50), RequestStatus.Fulfilled, hours: 1.5);
        await Life(stats, hub, at, TimeSpan.FromMinutes(20), TimeSpan.FromHours(3), RequestStatus.Fulfilled, urgency: Urgency.Critical, hours: 2);
        await Life(stats, hub, at, TimeSpan.FromHours(5), TimeSpan.FromDays(8), RequestStatus.Fulfilled, hours: 1); // delivered the week after
        await Life(stats, hub, at, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), RequestStatus.Cancelled, RequestCategory.Medicine);

        var weeks = await WeeksWhen(hub, w => w.Sum(x => x.DeliveredTotal) == 3 && w.Sum(x => x.Cancelled) == 1);

        Assert.Equal(2, weeks.Count);
        var (first, next) = (weeks[0], weeks[1]);
        Assert.Equal(DateOnly.FromDateTime(Monday.UtcDateTime), first.WeekStarting);
        Assert.Equal(3, first.Created[RequestCategory.Food]);
        Assert.Equal(1, first.Created[RequestCategory.Medicine]);
        Assert.Equal(1, first.CreatedByUrgency[Urgency.Critical]);
        Assert.Equal(3, first.CreatedByUrgency[Urgency.Normal]);
        Assert.Equal(4, first.Assigned);
        Assert.Equal(2, first.Delivered[RequestCategory.Food]);
        Assert.Equal(1, first.Cancelled);
        Assert.Equal(3.5, first.HoursGiven);
        Assert.Equal(1, next.Delivered[RequestCategory.Food]);
        Assert.Equal(1.0, next.HoursGiven);
        Assert.Equal(0, next.CreatedTotal);

        // Assigned after 5, 10, 20 min and 5 h: the middle of the four is in the first bucket, "within 15 minutes".
        Assert.Equal(TimeSpan.FromMinutes(15), StatsBuckets.Median(first.AssignTimes));
        // Delivered after 50 min and 3 h this week.
        Assert.Equal(TimeSpan.FromHours(1), StatsBuckets.Median(first.DeliverTimes));
        var month = StatsWeek.Sum(first.WeekStarting, weeks);
        Assert.Equal(TimeSpan.FromHours(4), StatsBuckets.Median(month.DeliverTimes));
        Assert.Equal(3, month.DeliveredTotal);
    }

    [Fact]
    public async Task Figures_come_from_the_hubs_own_notices_with_the_hours_given_and_offers()
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Priya");
        var assigned = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id) { Hub = hub });
        Assert.True(assigned.IsOk, assigned.Message);
        var accepted = await grain.Accept(new RequestCommand(assigned.Value!.Version, Domain.Sam) { Hub = hub });
        var started = await grain.Start(new RequestCommand(accepted.Value!.Version, Domain.Sam) { Hub = hub });
        var delivered = await grain.Fulfil(new FulfilCommand(started.Value!.Version, Domain.Sam, 2.5) { Hub = hub });
        Assert.True(delivered.IsOk, delivered.Message);
        await domain.NewOffer(hub, category: RequestCategory.Groceries);

        var weeks = await WeeksWhen(hub, w => w.Sum(x => x.DeliveredTotal) == 1 && w.Sum(x => x.OffersTotal) == 1);

        var week = Assert.Single(weeks);
        Assert.Equal(1, week.Created[RequestCategory.Food]);
        Assert.Equal(1, week.Assigned);
        Assert.Equal(2.5, week.HoursGiven);
        Assert.Equal(1, week.Offers[RequestCategory.Groceries]);
    }

    [Fact]
    public async Task A_regions_figures_are_the_sum_of_its_hubs()
    {
        var (region, north, south) = await domain.NewRegionWithTwoHubs();
        var elsewhere = await domain.NewHub();
        var at = Monday.AddHours(9);
        await Life(fixture.Grains.GetGrain<IHubStatsGrain>(north), north, at, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), RequestStatus.Fulfilled, hours: 1);
        await Life(fixture.Grains.GetGrain<IHubStatsGrain>(south), south, at, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), RequestStatus.Fulfilled, hours: 2);
        await Life(fixture.Grains.GetGrain<IHubStatsGrain>(south), south, at.AddDays(7), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), RequestStatus.Cancelled);
        await Life(fixture.Grains.GetGrain<IHubStatsGrain>(elsewhere), elsewhere, at, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), RequestStatus.Fulfilled);
        await WeeksWhen(north, w => w.Sum(x => x.DeliveredTotal) == 1);
        await WeeksWhen(south, w => w.Sum(x => x.Cancelled) == 1);
        await WeeksWhen(elsewhere, w => w.Sum(x => x.DeliveredTotal) == 1);

        var weeks = await fixture.Grains.GetGrain<IRegionStatsGrain>(region).GetWeeks();

        Assert.NotNull(weeks);
        Assert.Equal(2, weeks.Count);
        Assert.Equal(2, weeks[0].Delivered[RequestCategory.Food]);
        Assert.Equal(3.0, weeks[0].HoursGiven);
        Assert.Equal(1, weeks[1].Cancelled);
        Assert.Null(await fixture.Grains.GetGrain<IRegionStatsGrain>(Domain.NewSlug("nowhere")).GetWeeks());
    }

    [Fact]
    public async Task A_request_passed_between_hubs_counts_in_both_hubs_and_once_in_their_region()
    {
        var (region, north, south) = await domain.NewRegionWithTwoHubs();
        var asked = await domain.NewRequest(north, urgency: Urgency.High);
        var grain = domain.RequestGrain(asked.Id);
        // Each hand-over is seen before the next, as people pass a need on and back: changes that
        // reach a hub in the same moment leave only their newest on its board, so figures fed from
        // the board would count a creation, a pass-out and a pass-back that all raced as the last alone.
        await WeeksWhen(north, w => w.Sum(x => x.CreatedTotal) == 1);
        var there = await grain.TransferTo(new TransferCommand(asked.Version, Domain.Ana, south, "we have a driver"));
        Assert.True(there.IsOk, there.Message);
        await Wait.Until(async () => (await fixture.Grains.GetGrain<IHubGrain>(north).GetSnapshot()).Requests.All(r => r.Id != asked.Id), "the request off north's board");
        var back = await grain.TransferTo(new TransferCommand(there.Value!.Version, Domain.Ana, north, "our driver is back"));
        Assert.True(back.IsOk, back.Message);

        var northWeek = Assert.Single(await WeeksWhen(north, w => w.Sum(x => x.PassedIn.Values.Sum()) == 1));
        var southWeek = Assert.Single(await WeeksWhen(south, w => w.Sum(x => x.PassedIn.Values.Sum()) == 1));
        Assert.Equal((2, 1), (northWeek.CreatedTotal, northWeek.PassedIn[RequestCategory.Food]));
        Assert.Equal((1, 1), (southWeek.CreatedTotal, southWeek.PassedInByUrgency[Urgency.High]));

        var regionWeek = Assert.Single((await fixture.Grains.GetGrain<IRegionStatsGrain>(region).GetWeeks())!);
        Assert.Equal(1, regionWeek.Created[RequestCategory.Food]);
        Assert.Equal(1, regionWeek.CreatedByUrgency[Urgency.High]);
        Assert.Empty(regionWeek.PassedIn);
    }

    [Fact]
    public async Task Survey_answers_count_once_while_open_and_their_words_are_kept_for_coordinators()
    {
        var hub = Domain.NewSlug();
        var stats = fixture.Grains.GetGrain<IHubStatsGrain>(hub);
        var answer = new SurveyAnswer(Guid.NewGuid(), RequestCategory.Medicine, 4, "Insulin runs out on Fridays", SurveyChannel.Web);

        var closed = await stats.Answer(answer);
        Assert.Equal(Reason.SurveyClosed, closed.Reason);

        Assert.True((await stats.SetSurveyOpen(true)).Open);
        var invalid = await stats.Answer(answer with { Id = Guid.NewGuid(), Household = 99 });
        Assert.Equal(Reason.SurveyHouseholdRange, Assert.Single(invalid.Errors).Reason);
        Assert.True((await stats.Answer(answer)).IsOk);
        Assert.True((await stats.Answer(answer)).IsOk); // sent twice, counted once
        Assert.True((await stats.Answer(new SurveyAnswer(Guid.NewGuid(), RequestCategory.Medicine, null, null, SurveyChannel.Sms))).IsOk);

        var survey = await stats.GetSurvey();
        Assert.Equal(2, survey.Answers);
        Assert.Equal("Insulin runs out on Fridays", Assert.Single(survey.Comments).Text);
        var week = Assert.Single(await stats.GetWeeks());
        Assert.Equal(2, week.Reported[RequestCategory.Medicine]);
        Assert.Equal(2, week.SurveyAnswers);
        Assert.Equal(4, week.HouseholdPeople);
    }
}
