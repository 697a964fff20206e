namespace MutualAid.Grains.Tests.Storage;

/// <summary>Stop the whole silo, start a new one on the same SQLite file: everything is as it was.</summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class RestartSurvivalTests : SqliteRestartTest
{
    [Fact]
    public async Task Requests_volunteers_offers_boards_and_deadlines_survive_a_full_restart()
    {
        var hub = "north";
        Guid volunteerId = Guid.NewGuid(), offerId = Guid.NewGuid(), assignedId = Guid.NewGuid(), waitingId = Guid.NewGuid();
        string before;

        await using (var first = await Start("restart-survival"))
        {
            var domain = new Domain(first.Client);
            await domain.NewHub("city", hub);
            await first.Client.GetGrain<IVolunteerGrain>(volunteerId).Register(Domain.Volunteer(hub, "Priya"), Domain.Sam);
            await first.Client.GetGrain<IOfferGrain>(offerId).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg",
                new ContactDetails("Tom", "07700 900770", null, null), RequestSource.Member, Domain.Sam));
            await domain.RequestGrain(assignedId).Create(Domain.Request(hub, phone: "07700 900001"));
            await domain.RequestGrain(waitingId).Create(Domain.Request(hub, phone: "07700 900002", urgency: Urgency.Critical));
            await domain.RequestGrain(assignedId).Triage(new TriageCommand(1, Domain.Sam));
            await domain.RequestGrain(assignedId).Assign(new AssignCommand(2, Domain.Ana, volunteerId));
            await domain.WaitForBoard(hub, b => b.Requests.Count == 2 && b.Offers.Count == 1
                && b.Requests.Any(r => r.AssignedVolunteerId == volunteerId) && b.Volunteers.Any(v => v.ActiveAssignments == 1));
            before = await Describe(first.Client, hub, [assignedId, waitingId], volunteerId, offerId);
            await first.StopAllSilosAsync();
        }

        await using var second = await Start("restart-survival");
        var after = await Describe(second.Client, hub, [assignedId, waitingId], volunteerId, offerId);
        var keptVersion = long.Parse(before[(before.LastIndexOf(',') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(before[..before.LastIndexOf(',')], after[..after.LastIndexOf(',')]);
        Assert.Equal($"{keptVersion + HubGrain.UnkeptVersions + 1}]", after[(after.LastIndexOf(',') + 1)..]);
        Assert.Contains("\"Status\":2", after); // sanity: the description really holds the assigned request

        // The waiting request's deadline reminder is in the file, ready to fire after the restart.
        var table = second.Reminders();
        Assert.NotNull(await table.ReadRow(second.Client.GetGrain<IRequestGrain>(waitingId).GetGrainId(), "deadline"));
        Assert.Null(await table.ReadRow(second.Client.GetGrain<IRequestGrain>(assignedId).GetGrainId(), "deadline"));
        await second.StopAllSilosAsync();
    }

    [Fact]
    public async Task A_recurring_request_keeps_its_schedule_and_its_reminder_across_a_full_restart()
    {
        var seriesId = Guid.NewGuid();
        SeriesView before;
        await using (var first = await Start("restart-survival"))
        {
            var domain = new Domain(first.Client);
            var hub = await domain.NewHub();
            var series = first.Client.GetGrain<IRequestSeriesGrain>(seriesId);
            Assert.True((await series.Begin(Domain.Request(hub, phone: "07700 946001"), RepeatEvery.Fortnight)).IsOk);
            before = (await series.GetView())!;
            await first.StopAllSilosAsync();
        }

        await using var second = await Start("restart-survival");
        var after = (await second.Client.GetGrain<IRequestSeriesGrain>(seriesId).GetView())!;
        Assert.Equal(before.NextDue, after.NextDue);
        Assert.Equal(before.Occurrences, after.Occurrences);
        Assert.Equal(seriesId, (await second.Client.GetGrain<IRequestGrain>(after.Occurrences[0]).GetView())!.Series!.SeriesId);
        var table = second.Reminders();
        Assert.NotNull(await table.ReadRow(second.Client.GetGrain<IRequestSeriesGrain>(seriesId).GetGrainId(), "next"));
        await second.StopAllSilosAsync();
    }


    private static async Task<string> Describe(IGrainFactory grains, string hub, Guid[] requests, Guid volunteer, Guid offer)
    {
        var parts = new List<object?>();
        foreach (var id in requests)
        {
            parts.Add(await grains.GetGrain<IRequestGrain>(id).GetView());
            parts.Add(await grains.GetGrain<IRequestGrain>(id).GetAudit());
        }

        parts.Add(await grains.GetGrain<IVolunteerGrain>(volunteer).GetView());
        parts.Add(await grains.GetGrain<IOfferGrain>(offer).GetView());
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        // A reactivated hub moves past every version it may have shown without keeping (so boards
        // that saw one resync); everything else must be exactly as it was.
        parts.Add(Board.BoardProjectionTests.Canonical(board with { Version = 0 }));
        parts.Add(board.Version);
        return JsonSerializer.Serialize(parts);
    }
}
