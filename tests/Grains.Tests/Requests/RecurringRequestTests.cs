using Orleans.Core.Internal;

namespace MutualAid.Grains.Tests.Requests;

[Collection(FakeClockCollection.Name)]
public sealed class RecurringRequestTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_weekly_request_makes_its_next_occurrence_when_due_and_none_after_it_is_stopped()
    {
        var hub = await domain.NewHub();
        var series = fixture.Grains.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        var first = (await series.Begin(Domain.Request(hub, phone: "07700 944" + Random.Shared.Next(100, 999)), RepeatEvery.Week)).Value!;
        Assert.Equal(new SeriesLink(series.GetPrimaryKey(), 1, RepeatEvery.Week), first.Series);
        var started = fixture.Clock.GetUtcNow();
        Assert.Equal(started.AddDays(7), (await series.GetView())!.NextDue);

        fixture.Clock.Advance(TimeSpan.FromDays(6));
        await series.CheckDue();
        Assert.Single((await series.GetView())!.Occurrences);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await series.CheckDue();
        await series.CheckDue(); // idempotent
        var view = (await series.GetView())!;
        Assert.Equal(2, view.Occurrences.Count);
        var second = (await domain.RequestGrain(view.Occurrences[1]).GetView())!;
        Assert.Equal(new SeriesLink(series.GetPrimaryKey(), 2, RepeatEvery.Week), second.Series);
        Assert.Equal(first.Need, second.Need);
        Assert.Equal(RequestStatus.New, second.Status);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(started.AddDays(14), view.NextDue);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == second.Id && r.Series == second.Series));

        Assert.True((await series.StopRepeating(Domain.Sam)).IsOk);
        fixture.Clock.Advance(TimeSpan.FromDays(8));
        await series.CheckDue();
        Assert.Equal(2, (await series.GetView())!.Occurrences.Count);
        Assert.Equal(Domain.Sam, (await series.GetView())!.StoppedBy);
    }

    [Fact]
    public async Task Erasing_an_occurrences_requester_stops_its_series_and_its_pattern_forgets_them()
    {
        var hub = await domain.NewHub();
        var series = fixture.Grains.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        var pattern = Domain.Request(hub, phone: "07700 948" + Random.Shared.Next(100, 999)) with
        {
            AccessibilityNotes = "Ring twice: hard of hearing",
            PreferredLanguage = "pl",
            Location = new GeoPoint(51.5, -0.12),
        };
        var first = (await series.Begin(pattern, RepeatEvery.Week)).Value!;

        var erased = await domain.RequestGrain(first.Id).ErasePersonalData(new RequestCommand(first.Version, Domain.Sam, "the person asked") { Hub = hub });

        Assert.True(erased.IsOk, erased.Message);
        // The series hears after the erasure's write, never within it (it may be waiting on the occurrence).
        await Wait.Until(async () => (await series.GetView())!.StoppedBy is not null, "the series to hear of the erasure");
        fixture.Clock.Advance(TimeSpan.FromDays(8));
        await series.CheckDue();
        var view = (await series.GetView())!;
        Assert.Equal([first.Id], view.Occurrences); // nobody is texted again
        Assert.Equal(Domain.Sam, view.StoppedBy);
        Assert.Null(view.NextDue);
        var template = (await fixture.Cluster.Stored<MutualAid.Silo.Requests.RequestSeriesState>("series", series.GetGrainId())).State!.Template!;
        Assert.Equal(ContactDetails.Erased, template.Contact);
        Assert.Equal(ContactDetails.ErasedName, template.Need);
        Assert.Equal(ContactDetails.ErasedName, template.Area);
        Assert.Null(template.AccessibilityNotes);
        Assert.Null(template.PreferredLanguage);
        Assert.Null(template.Location);
        Assert.Null(await fixture.Cluster.Reminders().ReadRow(series.GetGrainId(), "next"));
    }

    [Fact]
    public async Task After_a_long_outage_only_one_missed_occurrence_is_made_and_the_schedule_moves_on()
    {
        var hub = await domain.NewHub();
        var series = fixture.Grains.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        await series.Begin(Domain.Request(hub, phone: "07700 945" + Random.Shared.Next(100, 999)), RepeatEvery.Day);
        var started = fixture.Clock.GetUtcNow();

        fixture.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        await series.CheckDue();

        var view = (await series.GetView())!;
        Assert.Equal(2, view.Occurrences.Count);
        Assert.Equal(started.AddDays(6), view.NextDue);
    }

    [Fact]
    public async Task A_started_series_whose_reminder_was_lost_is_armed_again_when_it_next_activates()
    {
        var hub = await domain.NewHub();
        var series = fixture.Grains.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        Assert.True((await series.Begin(Domain.Request(hub, phone: "07700 947" + Random.Shared.Next(100, 999)), RepeatEvery.Week)).IsOk);
        var table = fixture.Cluster.Reminders();
        var armed = await table.ReadRow(series.GetGrainId(), "next");
        Assert.NotNull(armed);
        // As a crash between Begin's write and its reminder (or a store from before arming came first) leaves it.
        Assert.True(await table.RemoveRow(series.GetGrainId(), "next", armed.ETag!));

        await series.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.NotNull(await series.GetView());

        Assert.NotNull(await table.ReadRow(series.GetGrainId(), "next"));
    }
}
