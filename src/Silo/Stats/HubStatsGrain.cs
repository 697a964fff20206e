using Microsoft.Extensions.Logging;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Stats;

namespace MutualAid.Silo.Stats;

/// <summary>
/// A hub's figures week by week. Fed one way by the hub grain after the hub has kept each change,
/// so the board's own path gains no call to wait for and no second write: this grain writes what it
/// counted at most every few seconds (and when it goes idle), one write for a burst of changes. A
/// crash can lose those seconds of figures; they are statistics, and the board stays exact.
/// Survey answers are commands with an answer, so they are written before they are acknowledged.
/// Calls no grain.
/// </summary>
public sealed partial class HubStatsGrain(
    [PersistentState("stats")] IPersistentState<HubStatsState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<HubStatsGrain> logger) : Grain, IHubStatsGrain
{
    /// <summary>How long counted changes may wait in memory for the write that keeps them.</summary>
    private static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(5);

    /// <summary>Closed requests remembered against late notices (up to a tenth more between trims): hours of a busy hub's closures, and notices are seconds late.</summary>
    internal const int KeptClosed = 2_000;

    internal const int KeptComments = 200;

    private bool dirty;

    private HubStatsState S => state.State;

    private string Slug => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(WriteIfDirty, new GrainTimerCreationOptions(WriteEvery, WriteEvery) { Interleave = false });
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await WriteIfDirty(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task RequestsChanged(IReadOnlyList<RequestCounted> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (Count(change.Request, change.HoursGiven, change.MovedFrom)) dirty = true;
        }

        return Task.CompletedTask;
    }

    /// <summary>True when the notice changed a figure.</summary>
    private bool Count(RequestSummary r, double hoursGiven, string? movedFrom)
    {
        if (r.HubSlug != Slug)
        {
            // Moved to another hub, which counts it from here on.
            return S.Open.Remove(r.Id);
        }

        if (S.Closed.TryGetValue(r.Id, out var closed))
        {
            if (r.Version <= closed.Version || !r.IsOpen)
            {
                // Late or repeated: counted already, except an assignment whose notice the end overtook
                // (one-way notices may arrive out of order).
                if (closed.Assigned || !WasGiven(r)) return false;
                CountAssignment(r, r.CreatedAt);
                S.Closed[r.Id] = closed with { Assigned = true };
                return true;
            }

            // Reopened: its first assignment and its arrival were counted; its next end will be.
            S.Closed.Remove(r.Id);
            S.Open[r.Id] = new TrackedRequest(r.Version, r.Category, r.CreatedAt, Assigned: true);
            return true;
        }

        if (S.Open.TryGetValue(r.Id, out var tracked))
        {
            if (tracked.Version >= r.Version) return false;
        }
        else
        {
            tracked = new TrackedRequest(r.Version, r.Category, r.CreatedAt, Assigned: false);
            var passedIn = movedFrom is not null && movedFrom != Slug;
            Change(r.CreatedAt, w => w with
            {
                Created = StatsWeek.Plus(w.Created, r.Category),
                CreatedByUrgency = StatsWeek.Plus(w.CreatedByUrgency, r.Urgency),
                PassedIn = passedIn ? StatsWeek.Plus(w.PassedIn, r.Category) : w.PassedIn,
                PassedInByUrgency = passedIn ? StatsWeek.Plus(w.PassedInByUrgency, r.Urgency) : w.PassedInByUrgency,
            });
        }

        if (!tracked.Assigned && WasGiven(r))
        {
            CountAssignment(r, tracked.CreatedAt);
            tracked = tracked with { Assigned = true };
        }

        tracked = tracked with { Version = r.Version };
        switch (r.Status)
        {
            case RequestStatus.Fulfilled:
                Change(r.UpdatedAt, w => w with
                {
                    Delivered = StatsWeek.Plus(w.Delivered, tracked.Category),
                    DeliverTimes = StatsBuckets.With(w.DeliverTimes, r.UpdatedAt - tracked.CreatedAt),
                    HoursGiven = w.HoursGiven + Math.Max(0, hoursGiven),
                });
                Close(r, tracked.Assigned);
                break;
            case RequestStatus.Cancelled:
                Change(r.UpdatedAt, w => w with { Cancelled = w.Cancelled + 1 });
                Close(r, tracked.Assigned);
                break;
            default:
                S.Open[r.Id] = tracked;
                break;
        }

        return true;
    }

    private static bool WasGiven(RequestSummary r) =>
        r.AssignedVolunteerId is not null || r.Status is RequestStatus.Assigned or RequestStatus.InProgress or RequestStatus.Fulfilled;

    private void CountAssignment(RequestSummary r, DateTimeOffset createdAt) =>
        Change(r.UpdatedAt, w => w with { Assigned = w.Assigned + 1, AssignTimes = StatsBuckets.With(w.AssignTimes, r.UpdatedAt - createdAt) });

    private void Close(RequestSummary r, bool assigned)
    {
        S.Open.Remove(r.Id);
        S.Closed[r.Id] = new ClosedRequest(r.Version, r.UpdatedAt) { Assigned = assigned };
        Trim(S.Closed, KeptClosed, c => c.At);
    }

    public Task OfferChanged(OfferSummary offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (offer.HubSlug != Slug || S.Offers.ContainsKey(offer.Id)) return Task.CompletedTask;
        S.Offers[offer.Id] = offer.CreatedAt;
        Trim(S.Offers, KeptClosed, at => at);
        Change(offer.CreatedAt, w => w with { Offers = StatsWeek.Plus(w.Offers, offer.Category) });
        dirty = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StatsWeek>> GetWeeks() =>
        Task.FromResult<IReadOnlyList<StatsWeek>>([.. S.Weeks.Values.OrderBy(w => w.WeekStarting)]);

    public Task<SurveyView> GetSurvey() => Task.FromResult(Survey());

    public async Task<SurveyView> SetSurveyOpen(bool open)
    {
        if (S.SurveyOpen == open) return Survey();
        S.SurveyOpen = open;
        if (open)
        {
            S.SurveyOpenedAt = clock.GetUtcNow();
            S.SurveyAnswers = 0;
        }

        await Write();
        return Survey();
    }

    public async Task<Result<SurveyView>> Answer(SurveyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var errors = answer.Validate();
        if (errors.Count > 0) return Result<SurveyView>.Invalid(errors);
        if (!S.SurveyOpen) return Result<SurveyView>.Refused(Reason.SurveyClosed);
        if (S.Answered.ContainsKey(answer.Id)) return Result<SurveyView>.Ok(Survey());

        var now = clock.GetUtcNow();
        S.Answered[answer.Id] = now;
        Trim(S.Answered, KeptClosed, at => at);
        S.SurveyAnswers++;
        Change(now, w => w with
        {
            Reported = StatsWeek.Plus(w.Reported, answer.MostNeeded),
            SurveyAnswers = w.SurveyAnswers + 1,
            HouseholdPeople = w.HouseholdPeople + (answer.Household ?? 0),
        });
        if (answer.Comment?.Trim() is { Length: > 0 } words)
        {
            S.Comments.Add(new SurveyComment(now, answer.MostNeeded, words, answer.Channel));
            if (S.Comments.Count > KeptComments) S.Comments.RemoveRange(0, S.Comments.Count - KeptComments);
        }

        await Write();
        LogAnswered(logger, Slug, answer.Channel);
        return Result<SurveyView>.Ok(Survey());
    }

    private SurveyView Survey() => new(S.SurveyOpen, S.SurveyOpenedAt, S.SurveyAnswers, [.. S.Comments]);

    /// <summary>Applies <paramref name="change"/> to the week holding <paramref name="at"/>, and lets the oldest weeks go.</summary>
    private void Change(DateTimeOffset at, Func<StatsWeek, StatsWeek> change)
    {
        var key = StatsWeek.WeekOf(at);
        var oldest = StatsWeek.WeekOf(clock.GetUtcNow()).AddDays(-7 * (StatsWeek.KeptWeeks - 1));
        if (key < oldest) return; // older than anything kept: nothing to add it to
        S.Weeks[key] = change(S.Weeks.TryGetValue(key, out var week) ? week : new StatsWeek(key));
        foreach (var old in S.Weeks.Keys.Where(k => k < oldest).ToList()) S.Weeks.Remove(old);
    }

    /// <summary>Forgets the oldest entries past <paramref name="keep"/>.</summary>
    /// <summary>
    /// Lets the oldest go once <paramref name="keep"/> is passed by a tenth, down to <paramref name="keep"/>:
    /// sorting thousands of entries to drop one, on every closure, was a busy hub's figures' main cost.
    /// </summary>
    private static void Trim<T>(Dictionary<Guid, T> seen, int keep, Func<T, DateTimeOffset> at)
    {
        if (seen.Count <= keep + keep / 10) return;
        foreach (var (id, _) in seen.OrderBy(p => at(p.Value)).Take(seen.Count - keep).ToList()) seen.Remove(id);
    }

    private async Task Write()
    {
        await state.WriteStateAsync();
        dirty = false;
    }

    private async Task WriteIfDirty(CancellationToken cancellation)
    {
        if (!dirty) return;
        try
        {
            await Write();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Kept in memory and tried again on the next tick.
            LogWriteFailed(logger, Slug, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub {Hub}: a needs survey answer came in by {Channel}")]
    private static partial void LogAnswered(ILogger logger, string hub, SurveyChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub {Hub}: could not keep its figures; trying again")]
    private static partial void LogWriteFailed(ILogger logger, string hub, Exception error);
}
