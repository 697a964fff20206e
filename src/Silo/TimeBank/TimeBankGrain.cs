using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.TimeBank;
using MutualAid.Volunteers;

namespace MutualAid.Silo.TimeBank;

/// <summary>
/// One region's reciprocal time bank. Hours given come from each volunteer's own time bank; hours
/// received are the delivered hours of the requests the same person asked for, found by their
/// contact's match key in each hub of the region (the key never leaves the silo). Transfers are
/// the only thing it stores. It calls volunteers, hubs, requests and the region; none calls it.
/// </summary>
public sealed class TimeBankGrain(
    [PersistentState("timebank")] IPersistentState<TimeBankState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ITimeBankGrain
{
    private const string HubPrefix = "hub~";

    private string Key => this.GetPrimaryKeyString();

    public async Task<PersonalTimeBank?> Statement(Guid person, int weeks)
    {
        if (await GrainFactory.GetGrain<IVolunteerGrain>(person).GetView() is not { } volunteer) return null;
        var hubs = await Hubs();
        var since = TimeBankStatement.WeekOf(clock.GetUtcNow()).AddDays(-7 * (Math.Clamp(weeks, 1, 52) - 1));
        var lines = new Dictionary<(string Hub, DateOnly Week), (double Given, double Received)>();
        void Add(string hub, DateOnly week, double given, double received)
        {
            if (week < since) return;
            var was = lines.GetValueOrDefault((hub, week));
            lines[(hub, week)] = (was.Given + given, was.Received + received);
        }

        double given = 0;
        foreach (var hub in hubs)
        {
            if (await GrainFactory.GetGrain<IVolunteerGrain>(person).GetTimeBank(hub, weeks) is not { } bank) continue;
            given += bank.HoursTotal;
            foreach (var week in bank.RecentWeeks.Where(w => w.Hours > 0)) Add(hub, week.WeekStarting, week.Hours, 0);
        }

        double received = 0;
        if (volunteer.Profile.Contact?.MatchKey() is { } key)
        {
            foreach (var hub in hubs)
            {
                foreach (var id in await GrainFactory.GetGrain<IHubGrain>(hub).FindRequestsByContact(key))
                {
                    if (await GrainFactory.GetGrain<IRequestGrain>(id).GetView() is not { Status: RequestStatus.Fulfilled } request || request.HubSlug != hub) continue;
                    foreach (var done in request.Assignees.Where(a => a.State == AssignmentState.Completed))
                    {
                        var hours = done.Hours ?? 0;
                        received += hours;
                        Add(hub, TimeBankStatement.WeekOf(done.CompletedAt ?? request.UpdatedAt), 0, hours);
                    }
                }
            }
        }

        var transfers = state.State.Transfers.Where(t => t.From == person || t.To == person).ToArray();
        return new PersonalTimeBank(person, Key, given, received,
            transfers.Where(t => t.To == person).Sum(t => t.Hours), transfers.Where(t => t.From == person).Sum(t => t.Hours),
            [.. lines.OrderByDescending(l => l.Key.Week).ThenBy(l => l.Key.Hub, StringComparer.Ordinal)
                .Select(l => new TimeBankLine(l.Key.Hub, l.Key.Week, l.Value.Given, l.Value.Received))],
            transfers);
    }

    public async Task<Result<HoursTransfer>> Transfer(HoursTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (state.State.Transfers.Find(t => t.Id == transfer.Id) is { } recorded)
        {
            // The same transfer sent again (a retry, a double click) answers as it was recorded.
            return Same(recorded, transfer) ? Result<HoursTransfer>.Ok(recorded) : Result<HoursTransfer>.Refused(Reason.TransferIdReused);
        }

        if (transfer.Actor is null || string.IsNullOrWhiteSpace(transfer.Actor.UserId)) return Result<HoursTransfer>.Invalid("Actor", Reason.NoActor);
        var errors = new List<FieldError>();
        if (!(transfer.Hours >= 0.25 && transfer.Hours <= HoursTransfer.MaxHours)) errors.Add(FieldError.Of(nameof(transfer.Hours), Reason.TransferHoursRange, HoursTransfer.MaxHours));
        if (transfer.From == transfer.To) errors.Add(FieldError.Of(nameof(transfer.To), Reason.TransferToSelf));
        Text.Require(errors, nameof(transfer.Reason), transfer.Reason, NewRequest.MaxShortText, Reason.SayWhyTransfer);
        if (errors.Count > 0) return Result<HoursTransfer>.Invalid(errors);

        var hubs = await Hubs();
        var giverName = "";
        foreach (var person in new[] { transfer.From, transfer.To })
        {
            var volunteer = await GrainFactory.GetGrain<IVolunteerGrain>(person).GetView();
            if (volunteer is null || !volunteer.Profile.HubSlugs.Any(hubs.Contains)) return Result<HoursTransfer>.Refused(Reason.TransferOutsideRegion, Key);
            // A tombstone keeps the hours given in the counts; it is nobody to move hours to or from.
            if (volunteer.Profile.Name == ContactDetails.ErasedName) return Result<HoursTransfer>.Refused(Reason.TransferErased);
            if (person == transfer.From) giverName = volunteer.Profile.Name;
        }

        // A transfer passes on hours someone has; giving more would leave them owing hours they never
        // received (-98 h from one slip). Receiving help may still take a balance below zero: that is the bank's purpose.
        // This grain takes one call at a time, so two transfers cannot both spend the same hours.
        if (await Statement(transfer.From, 1) is { } giver && transfer.Hours > giver.Balance)
        {
            return Result<HoursTransfer>.Refused(Reason.TransferMoreThanBalance, giverName, Math.Max(0, giver.Balance));
        }

        var kept = transfer with { Reason = transfer.Reason.Trim(), At = clock.GetUtcNow() };
        state.State.Transfers.Add(kept);
        await state.WriteOrUndo(() => state.State.Transfers.Remove(kept));

        return Result<HoursTransfer>.Ok(kept);
    }

    private static bool Same(HoursTransfer a, HoursTransfer b) =>
        a.From == b.From && a.To == b.To && a.Hours.Equals(b.Hours) && a.Reason == b.Reason.Trim();

    /// <summary>The hubs whose hours count together: the region's, or the one hub of a hub scope.</summary>
    private async Task<IReadOnlyList<string>> Hubs() =>
        Key.StartsWith(HubPrefix, StringComparison.Ordinal)
            ? [Key[HubPrefix.Length..]]
            : (await GrainFactory.GetGrain<IRegionGrain>(Key).GetOverview())?.Hubs.Select(h => h.Slug).ToArray() ?? [];
}
