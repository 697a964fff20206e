using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Silo.Hosting;
using MutualAid.Silo.Hubs;

namespace MutualAid.Silo.Requests;

/// <summary>
/// The truth of one request. Orleans runs one turn at a time here, so the version check, the
/// volunteer reservation and the state write of an assignment form one atomic step: two
/// dispatchers can never both assign. Calls go down to volunteers and up to the hub/region;
/// none of them ever calls a request grain, so no cycle can deadlock.
/// Split by concern: what every command shares is here (the check it starts with) and in
/// RequestGrain.Commit.cs (the one write it ends with); the commands live beside their concern.
/// </summary>
public sealed partial class RequestGrain(
    [PersistentState("request")] IPersistentState<RequestState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<DeadlineOptions> deadlines,
    ILogger<RequestGrain> logger) : Grain, IRequestGrain, IRemindable
{
    private HubPolicy? hubPolicy;

    private HubDelivery? delivery;

    /// <summary>The hub's visit rules and time zone, read with <see cref="hubPolicy"/>.</summary>
    private (string Hub, ArrivalPolicy Rules, string TimeZone)? arrivalPolicy;

    /// <summary>When the hub's settings were last read: a long-lived activation reads them again after <see cref="PolicyFreshFor"/>.</summary>
    private DateTimeOffset policyReadAt;

    /// <summary>
    /// The hub never calls its requests, so a coordinator's new deadlines, claim windows or zone reach
    /// a request that stays active only when it reads them again: within this long.
    /// </summary>
    private static readonly TimeSpan PolicyFreshFor = TimeSpan.FromMinutes(1);

    private RequestView? View => state.State.View;

    private DateTimeOffset Now => clock.GetUtcNow();

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    public Task<RequestView?> GetView() => Task.FromResult(View);

    public Task<RequestSummary?> GetSummary() => Task.FromResult(View?.Redact());

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        DeadlineReminder => CheckDeadline(),
        ClaimReminder => CheckClaim(),
        HubDelivery.ReminderName => Delivery.OnReminder(),
        ArrivalReminder => CheckArrival(),
        _ => Task.CompletedTask,
    };

    /// <summary>Existence, reach, actor, staleness, then legality: the first that fails is the answer.</summary>
    private Result<RequestView>? Check(RequestAction action, IScopedCommand scope, int expectedVersion, Actor? actor)
    {
        if (Unfit<RequestView>(scope, Signed(actor)) is { } unfit) return unfit;
        if (expectedVersion != View!.Version && !OnlySystemChangedSince(expectedVersion))
        {
            var last = state.State.Audit.Last(IsChange);
            return Result<RequestView>.Stale(new Conflict(expectedVersion, View.Version, last.Actor, last.Said, last.At));
        }

        return RequestLifecycle.Refusal(action, View) is { } refusal ? Result<RequestView>.Refused(refusal, action, View.Status) : null;
    }

    /// <summary>
    /// A request outside the caller's hub, or not the caller's own job, answers as if it did not
    /// exist: before the version check, so not even who changed it last leaks.
    /// </summary>
    private Result<RequestView>? OutOfReach(IScopedCommand scope)
    {
        if (scope.Hub is { } hub && hub != View!.HubSlug) return Result<RequestView>.NotFound(Reason.NotInHub);
        if (scope.AsVolunteer is { } volunteer && View!.HeldBy(volunteer) is null) return Result<RequestView>.NotFound(Reason.NotYours);
        return null;
    }

    /// <summary>
    /// A scoped caller is told of a request that does not exist what it is told of one out of its
    /// reach, so the answer never says whether an id it holds is another hub's or another's job.
    /// </summary>
    private static Reason Missing(IScopedCommand scope) =>
        scope.Hub is not null ? Reason.NotInHub : scope.AsVolunteer is not null ? Reason.NotYours : Reason.NoSuchRequest;

    /// <summary>
    /// The checks every command starts with, whatever it answers with (the request, a contact-log
    /// entry, a thank-you): existence, reach, then the command's own fields.
    /// </summary>
    private Result<T>? Unfit<T>(IScopedCommand scope, IReadOnlyList<FieldError> errors) =>
        View is null ? Result<T>.NotFound(Missing(scope))
        : OutOfReach(scope) is { } hidden ? hidden.As<T>()
        : errors.Count > 0 ? Result<T>.Invalid(errors)
        : null;

    /// <summary>A command names who gives it: the audit line needs someone.</summary>
    private static FieldError[] Signed(Actor? actor) =>
        string.IsNullOrWhiteSpace(actor?.UserId) ? [FieldError.Of("Actor", Reason.NoActor)] : [];

    /// <summary>
    /// Deadline marks set by the clock are not a dispatcher's change of mind, so a command made on
    /// the version just before them is still current.
    /// </summary>
    private bool OnlySystemChangedSince(int expectedVersion) =>
        expectedVersion > 0 && expectedVersion < View!.Version
        && state.State.Audit.Where(a => a.Version > expectedVersion && IsChange(a)).All(a => a.Actor.UserId == Actor.System.UserId);

    /// <summary>Reveals, thanks and status unlocks are written down, not changes of the request: a conflict never names one.</summary>
    private static bool IsChange(AuditEntry entry) => entry.Said.Key is not (RevealKey or ThankedKey or StatusUnlockedKey);

    /// <summary>The hub's deadlines and region, read at most once a minute (and again when the request moves hub).</summary>
    private async Task<HubPolicy> Policy(string hub)
    {
        if (hubPolicy is { } cached && cached.Hub == hub && Now - policyReadAt < PolicyFreshFor) return cached;
        return Remember(hub, await Delivery.Board(hub).GetSettings());
    }

    /// <summary>Keeps what the request reads from <paramref name="hub"/>'s settings, as just read.</summary>
    private HubPolicy Remember(string hub, HubSettings? settings)
    {
        hubPolicy = HubPolicy.Of(hub, settings);
        arrivalPolicy = (hub, settings?.ArrivalRules ?? ArrivalPolicy.Default, settings?.TimeZoneId ?? "UTC");
        policyReadAt = Now;
        return hubPolicy;
    }

    /// <summary>What the request reads from its hub's settings; the defaults when the hub has none.</summary>
    private sealed record HubPolicy(string Hub, UrgencyTimes Deadlines, string? Region, UrgencyTimes Claims, int GiveBacksPerHour)
    {
        public static HubPolicy Of(string hub, HubSettings? settings) => new(
            hub,
            settings?.Deadlines ?? UrgencyTimes.DefaultDeadlines,
            settings?.RegionSlug,
            settings?.ClaimWindows ?? UrgencyTimes.DefaultClaims,
            settings?.AllowedGiveBacksPerHour ?? HubSettings.DefaultGiveBacksPerHour);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-announce on activation so a hub projection that missed a one-way notice (crash between
        // write and notice) converges; the hub ignores versions it already has. What the region or
        // network is still owed goes with it.
        if (View is not null) AnnounceToHub(alsoTheOneItLeft: true);
        return base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// The hub is a projection: this grain never waits on it, and <see cref="HubDelivery"/> sends
    /// the change again if the board could not keep it; the hub's outbox gets the messages the change
    /// decided the same way. After a move (and on activation, in case a
    /// crash lost that notice) the board it left hears too: it drops the request when it sees the new
    /// hub on the summary; until then two boards would show it. Boards ignore versions they have.
    /// </summary>
    /// <param name="carrying">Volunteers' rows for this notice to the request's own hub only; a re-send carries none (each volunteer sends its own).</param>
    private void AnnounceToHub(bool alsoTheOneItLeft = false, IReadOnlyList<MutualAid.Volunteers.VolunteerSummary>? carrying = null)
    {
        IEnumerable<string> hubs = alsoTheOneItLeft && state.State.MovedFrom is { } former && former != View!.HubSlug
            ? [View!.HubSlug, former] : [View!.HubSlug];
        // Announce calls Deliver for each target before it returns, so only this notice sees the rows.
        carried = carrying ?? [];
        try
        {
            Delivery.Announce(hubs.Concat(Outbox.Targets(state.State.Outgoing)).Concat(Outbox.ForgetTargets(state.State.OutboxErasures)).Concat(UpstreamTargets()), Send);
        }
        finally
        {
            carried = [];
        }
    }

    private IReadOnlyList<MutualAid.Volunteers.VolunteerSummary> carried = [];

    // Ids only: request content and contact details never reach a log line.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestId} is now v{Version} {Status}")]
    private static partial void LogChanged(ILogger logger, Guid requestId, int version, RequestStatus status);
}
