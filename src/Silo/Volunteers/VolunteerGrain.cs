using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MutualAid.Hubs;
using MutualAid.Notifications;
using MutualAid.Requests;
using MutualAid.Silo.Notifications;
using MutualAid.Silo.Hubs;
using MutualAid.Sms;
using MutualAid.Thanks;
using MutualAid.Volunteers;
using MutualAid.Silo.Audit;

namespace MutualAid.Silo.Volunteers;

/// <summary>
/// A volunteer's limits are enforced here, one reservation at a time, so two dispatchers racing
/// for the same person can never overload them. This grain never waits on a request grain, which
/// keeps request → volunteer the one direction of that edge: it only sends a request a one-way
/// question about a reservation (<see cref="IRequestGrain.CheckHolds"/>), answered by a call back.
/// </summary>
public sealed partial class VolunteerGrain(
    [PersistentState("volunteer")] IPersistentState<VolunteerState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<VolunteerGrain> logger) : Grain, IVolunteerGrain, IRemindable
{
    private HubDelivery? delivery;

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private VolunteerState S => state.State;

    /// <summary>Their personal data was erased (<see cref="ErasePersonalData"/>): what is left only keeps the hubs' counts.</summary>
    private bool Erased => S.Profile is { Name: ContactDetails.ErasedName };

    public async Task<Result<VolunteerView>> Register(VolunteerProfile profile, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (S.Profile is not null) return Result<VolunteerView>.Refused(Reason.VolunteerExists, S.Profile.Name);
        var errors = profile.Validate();
        if (errors.Count > 0) return Result<VolunteerView>.Invalid(errors);
        S.Profile = Normalise(profile);
        S.OnDuty = true;
        return await Commit([]);
    }

    /// <summary>What a volunteer who joined by invitation starts with, until they fill in their profile (the CSV import's defaults).</summary>
    private const int JoinedMaxAssignments = 3;
    private const double JoinedMaxHoursPerWeek = 10;

    /// <summary>What an erased volunteer's account email becomes: no email, so no account's join matches it.</summary>
    private const string ErasedAccount = "erased";

    public async Task<Result<VolunteerView>> Join(string hubSlug, string accountEmail, string name, Actor actor)
    {
        if (!Slug.IsValid(hubSlug)) return Result<VolunteerView>.Invalid("HubSlug", Reason.UnknownHubName);
        if (string.IsNullOrWhiteSpace(accountEmail)) return Result<VolunteerView>.Invalid("Email", Reason.AccountRequired);
        var email = MutualAid.Accounts.IUserGrain.Key(accountEmail);
        if (S.AccountEmail is { } bound && bound != email) return Result<VolunteerView>.Refused(Reason.HasOwnSignIn);
        if (S.Profile is null)
        {
            var profile = new VolunteerProfile(name, [hubSlug], [], [], false, JoinedMaxAssignments, JoinedMaxHoursPerWeek);
            var errors = profile.Validate();
            if (errors.Count > 0) return Result<VolunteerView>.Invalid(errors);
            S.Profile = Normalise(profile);
            S.OnDuty = true;
        }
        else if (S.AccountEmail == email && S.Profile.HubSlugs.Contains(hubSlug))
        {
            return Result<VolunteerView>.Ok(ToView()); // already joined: a repeated join writes nothing
        }
        else if (!S.Profile.HubSlugs.Contains(hubSlug))
        {
            S.Profile = S.Profile with { HubSlugs = [.. S.Profile.HubSlugs, hubSlug] };
        }

        S.AccountEmail = email;
        return await Commit([]);
    }

    public async Task<Result<VolunteerView>> LeaveHub(string hubSlug, Actor actor)
    {
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        if (!S.Profile.HubSlugs.Contains(hubSlug)) return Result<VolunteerView>.Ok(ToView());
        if (S.Reservations.Exists(r => r.HubSlug == hubSlug))
        {
            AskWhenInTheWay();
            return Result<VolunteerView>.Refused(Reason.HoldsAssignmentsInHub, S.Profile.Name, hubSlug);
        }

        // A volunteer left with no hub stays (their hours given stay in the totals) but is off duty and on no board.
        S.Profile = S.Profile with { HubSlugs = S.Profile.HubSlugs.Where(h => h != hubSlug).ToArray() };
        if (S.Profile.HubSlugs.Count == 0) S.OnDuty = false;
        return await Commit([hubSlug]);
    }

    public async Task<Result<VolunteerView>> UpdateProfile(VolunteerProfile profile, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        var errors = profile.Validate();
        if (errors.Count > 0) return Result<VolunteerView>.Invalid(errors);
        var leftHubs = S.Profile.HubSlugs.Except(profile.HubSlugs).ToArray();
        S.Profile = Normalise(profile);
        return await Commit(leftHubs);
    }

    public Task<VolunteerView?> GetView() => Task.FromResult(S.Profile is null ? null : ToView());

    public async Task<Result<VolunteerView>> SetOnDuty(bool onDuty, Actor actor)
    {
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        // An erased volunteer is a tombstone kept for the hubs' counts: nobody to put back on duty.
        if (onDuty && Erased) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        if (onDuty && S.Suspended) return Result<VolunteerView>.Refused(Reason.VolunteerSuspended, S.Profile.Name);
        S.OnDuty = onDuty;
        if (onDuty) S.LastCheckIn = clock.GetUtcNow();
        return await Commit([]);
    }

    public async Task<Result<VolunteerView>> Suspend(bool suspended, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        if (S.Suspended == suspended) return Result<VolunteerView>.Ok(ToView()); // asked again to finish a run cut short: nothing to write
        S.Suspended = suspended;
        // Enabled again, they choose when to go back on duty, as after any time away.
        if (suspended) S.OnDuty = false;
        var said = suspended
            ? Phrase.Of("DidSuspendVolunteer", "disabled the account of {0}: off duty and given no jobs", S.Profile.Name)
            : Phrase.Of("DidUnsuspendVolunteer", "enabled the account of {0} again", S.Profile.Name);
        S.Audit.Add(new MutualAid.Requests.AuditEntry(S.Version + 1, clock.GetUtcNow(), actor, said.ToString(), null) { Said = said });
        return await Commit([]);
    }

    public async Task<Result<VolunteerView>> CheckIn(Actor actor)
    {
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        S.LastCheckIn = clock.GetUtcNow();
        return await Commit([]);
    }

    private const int MaxNotices = 20;

    public Task<Result<Reservation>> Reserve(Guid requestId, string hubSlug, double estimatedHours) =>
        Reserve(requestId, hubSlug, estimatedHours, overrideReason: null);

    public Task<Result<Reservation>> ReserveClaim(Guid requestId, string hubSlug, double estimatedHours) =>
        S.ClaimsHeld is { } held && S.Reservations.TrueForAll(r => r.RequestId != requestId)
            ? Task.FromResult(Result<Reservation>.Refused(Reason.YourClaimsHeld, [.. held.Args])) // told to the one claiming: them
            : Reserve(requestId, hubSlug, estimatedHours, overrideReason: null);

    public Task GiveBack(Guid requestId, int allowedPerHour) => GiveBack(requestId, new JobEnd(JobEndKind.GivenBack, null, GiveBacksPerHour: allowedPerHour));

    private async Task GiveBack(Guid requestId, JobEnd end)
    {
        var allowedPerHour = end.GiveBacksPerHour;
        if (S.Reservations.RemoveAll(r => end.Ends(r, requestId)) == 0) return; // already released: counted once
        var now = clock.GetUtcNow();
        S.GiveBacks.RemoveAll(at => at <= now - TimeSpan.FromHours(1));
        S.GiveBacks.Add(now);
        if (S.ClaimsHeld is null && S.GiveBacks.Count > Math.Max(1, allowedPerHour))
        {
            S.ClaimsHeld = Phrase.Of("ClaimsHeld", "{0} gave back {1} claims within an hour; a coordinator of their hub must clear them before they claim again.",
                S.Profile?.Name ?? "", S.GiveBacks.Count);
            S.Audit.Add(new MutualAid.Requests.AuditEntry(S.Version + 1, now, Actor.System, S.ClaimsHeld.ToString(), null) { Said = S.ClaimsHeld });
        }

        await Commit([]);
    }

    public async Task<Result<VolunteerView>> ClearClaimsHold(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        if (S.ClaimsHeld is null) return Result<VolunteerView>.Ok(ToView());
        S.ClaimsHeld = null;
        S.GiveBacks.Clear(); // a fresh start: the give-backs that held them are dealt with
        var said = Phrase.Of("DidClearClaimsHold", "let {0} claim again", S.Profile.Name);
        S.Audit.Add(new MutualAid.Requests.AuditEntry(S.Version + 1, clock.GetUtcNow(), actor, said.ToString(), null) { Said = said });
        return await Commit([]);
    }

    public Task<IReadOnlyList<Guid>> GetRequestsNamingThem() =>
        Task.FromResult<IReadOnlyList<Guid>>([.. S.NamedIn.Concat(S.TimeBank.Select(t => t.RequestId)).Concat(S.Reservations.Select(r => r.RequestId)).Where(id => id != Guid.Empty).Distinct()]);

    public Task<IReadOnlyList<MutualAid.Requests.AuditEntry>> GetAudit() => Task.FromResult<IReadOnlyList<MutualAid.Requests.AuditEntry>>(S.Audit.ToArray());

    public Task<Result<Reservation>> ReserveOverridingLimits(Guid requestId, string hubSlug, double estimatedHours, string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(Result<Reservation>.Invalid("OverrideLimits", Reason.SayWhyOverride))
            : Reserve(requestId, hubSlug, estimatedHours, reason.Trim());

    private async Task<Result<Reservation>> Reserve(Guid requestId, string hubSlug, double estimatedHours, string? overrideReason)
    {
        if (S.Profile is not { } profile) return Result<Reservation>.NotFound(Reason.NoSuchVolunteer);
        if (S.Reservations.Find(r => r.RequestId == requestId) is { } held) return await Renew(held);
        // Before anything that names them: to another hub this volunteer is as unknown as a made-up id.
        if (Erased || (!profile.HubSlugs.Contains(hubSlug) && !LentToday().Contains(hubSlug))) return Result<Reservation>.NotFound(Reason.NoSuchVolunteer);
        if (S.Suspended) return Result<Reservation>.Refused(Reason.VolunteerSuspended, profile.Name);
        if (!S.OnDuty) return Result<Reservation>.Refused(Reason.OffDuty, profile.Name);
        if (overrideReason is null && (VolunteerLimits.Broken(Load(profile), estimatedHours) ?? await OutsideTheirHours(profile, hubSlug)) is { } limit)
        {
            AskWhenInTheWay();
            return Result<Reservation>.Refused(Reason.PastLimits, limit);
        }

        var reservation = new Reservation(requestId, hubSlug, estimatedHours, clock.GetUtcNow(), profile.Name);
        S.Reservations.Add(reservation);
        S.LastReservation = reservation;
        if (!S.NamedIn.Contains(requestId)) S.NamedIn.Add(requestId);
        var kept = await Commit([], carriedTo: hubSlug);
        return Result<Reservation>.Ok(reservation with { Volunteer = Summary(kept.Value!) });
    }

    /// <summary>
    /// The request asks again for time it holds (its write failed, or it gave the job back to this
    /// volunteer before their release arrived): the same reservation, made later than any end the
    /// request decided before, which names the older one.
    /// </summary>
    private async Task<Result<Reservation>> Renew(Reservation held)
    {
        var renewed = held with { ReservedAt = Later(clock.GetUtcNow(), held.ReservedAt) };
        S.Reservations[S.Reservations.IndexOf(held)] = renewed;
        S.LastReservation = renewed;
        await Commit([]);
        return Result<Reservation>.Ok(renewed); // their load is as it was: no new row for the request to carry
    }

    /// <summary>Now, or just after <paramref name="than"/> when this silo's clock is behind the one that reserved it.</summary>
    private static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset than) => now > than ? now : than.AddTicks(1);

    /// <summary>
    /// Stated availability is a limit too: outside every window (in the hub's time zone) they are
    /// not asked. The hub never calls volunteers, so reading its settings cannot form a cycle.
    /// </summary>
    private async Task<Phrase?> OutsideTheirHours(VolunteerProfile profile, string hubSlug)
    {
        if (profile.Availability.Count == 0) return null;
        var zone = HubZone.Of(await GrainFactory.GetGrain<IHubGrain>(hubSlug).GetSettings());
        return VolunteerLimits.Outside(profile.Name, profile.Availability, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    private VolunteerLoad Load(VolunteerProfile profile) => new(
        profile.Name, S.Reservations.Count, profile.MaxConcurrentAssignments, HoursThisWeek(), S.Reservations.Sum(r => r.EstimatedHours),
        profile.MaxHoursPerWeek, HoursSince(clock.GetUtcNow() - TimeSpan.FromDays(1)), profile.RestAfterHoursInADay);

    public Task Release(Guid requestId) => Release(requestId, new JobEnd(JobEndKind.Released, null));

    private async Task Release(Guid requestId, JobEnd end)
    {
        if (S.Reservations.RemoveAll(r => end.Ends(r, requestId)) > 0) await Commit([]);
    }

    public Task Complete(Guid requestId, double hours) => Complete(requestId, new JobEnd(JobEndKind.Completed, null, hours), carried: false);

    public Task<VolunteerSummary?> CompleteWithRow(Guid requestId, double hours) => Complete(requestId, new JobEnd(JobEndKind.Completed, null, hours), carried: true);

    public async Task<VolunteerSummary?> EndJob(Guid requestId, JobEnd ending)
    {
        ArgumentNullException.ThrowIfNull(ending);
        switch (ending.Kind)
        {
            case JobEndKind.Completed:
                return await Complete(requestId, ending, carried: true);
            case JobEndKind.GivenBack:
                await GiveBack(requestId, ending);
                return null;
            default:
                await Release(requestId, ending);
                return null;
        }
    }

    private async Task<VolunteerSummary?> Complete(Guid requestId, JobEnd end, bool carried)
    {
        var held = S.Reservations.Find(r => end.Ends(r, requestId));
        // A completion naming its reservation banks only while that reservation stands: the request
        // hands it again (on a later activation, until its next write) long after the entry that
        // banked it may have been folded into a week's total, or while the same request holds them
        // again for another job. One naming none (older callers) is judged by the bank, as before.
        if (held is null && (end.ReservedAt is not null || S.TimeBank.Exists(t => t.RequestId == requestId))) return null;
        S.Reservations.RemoveAll(r => end.Ends(r, requestId));
        var hub = held?.HubSlug ?? (S.Profile is { HubSlugs.Count: > 0 } p ? p.HubSlugs[0] : "");
        S.TimeBank.Add(new TimeBankEntry(requestId, hub, end.Hours, clock.GetUtcNow()));
        TimeBankFolding.Fold(S, clock.GetUtcNow());
        var kept = await Commit([], carriedTo: carried ? hub : null);
        return S.Profile is null ? null : Summary(kept.Value!);
    }

    public async Task<Result<VolunteerView>> ErasePersonalData(Actor actor)
    {
        if (S.Profile is null) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        if (S.Reservations.Count > 0)
        {
            AskWhenInTheWay();
            return Result<VolunteerView>.Refused(Reason.HoldsAssignments, S.Profile.Name, S.Reservations.Count);
        }

        var names = Unnaming.WithFirstNames([S.Profile.Name]);
        // Their trail keeps who held and cleared their claiming, and when, without naming them.
        S.Audit = [.. S.Audit.Select(e => e with { Said = names.Aggregate(e.Said, Unnaming.Unnamed), Reason = Unnaming.InText(e.Reason, names) })];
        S.ClaimsHeld = S.ClaimsHeld is { } held ? names.Aggregate(held, Unnaming.Unnamed) : null;
        S.Profile = S.Profile with
        {
            Name = ContactDetails.ErasedName,
            Contact = null,
            Location = null,
            Skills = [],
            Languages = [],
            Availability = [],
        };
        S.OnDuty = false;
        S.LastReservation = null;
        // The words were written to them; the hub's counts keep that a thank-you was sent.
        S.Thanks = [.. S.Thanks.Select(t => t with { RequestId = Guid.Empty, Text = "", FromName = null })];
        // The requests they worked on were told to forget them before this (PeopleService), and an
        // erased volunteer has no name left to take out of one: the tombstone need not say which
        // they were. Their hours stay, by hub and week, as the hub's counts need.
        S.NamedIn = [];
        S.TimeBank = [.. S.TimeBank.Select(t => t with { RequestId = Guid.Empty })];
        // Coordinators' messages to them are about them, and often name them.
        S.Notices = [];
        // Their account's email goes too, but the volunteer stays claimed, so no new account can bind to it.
        if (S.AccountEmail is not null) S.AccountEmail = ErasedAccount;
        // Messages to them not yet handed never go; the outboxes of their hubs forget the rest.
        S.Outgoing = [];
        S.OutboxErasures = [.. S.Profile.HubSlugs.Union(S.LentTo).Union(S.OutboxErasures)];
        S.ScrubOnNextWrite = true;
        return await Commit([]);
    }

    public Task<TimeBankStatement?> GetTimeBank(string? hubSlug, int weeks) =>
        Task.FromResult(S.Profile is { } profile ? TimeBankFolding.Statement(S, this.GetPrimaryKey(), profile.Name, hubSlug, weeks, clock.GetUtcNow()) : null);

    private double HoursThisWeek() => HoursSince(clock.GetUtcNow() - Week);

    private double HoursSince(DateTimeOffset since) => S.TimeBank.Where(t => t.At >= since).Sum(t => t.Hours);

    private VolunteerView ToView() => new(
        this.GetPrimaryKey(), S.Version, S.Profile!, S.OnDuty, S.Reservations.ToArray(),
        HoursThisWeek(), TimeBankFolding.TotalHours(S), S.LastCheckIn)
    {
        Notices = S.Notices.AsEnumerable().Reverse().ToArray(),
        ClaimsHeld = S.ClaimsHeld,
        LastReservation = S.LastReservation,
        Suspended = S.Suspended,
        Thanks = S.Thanks.AsEnumerable().Reverse().ToArray(),
    };

    private const int MaxThanks = 300;

    public async Task Thank(ThankYouNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (S.Profile is null || S.Thanks.Exists(t => t.Id == note.Id)) return;
        S.Thanks.Add(note);
        if (S.Thanks.Count > MaxThanks) S.Thanks.RemoveRange(0, S.Thanks.Count - MaxThanks);
        // The new version announced to the boards is what shows the note on their open page.
        await Commit([]);
    }

    public Task<TogetherShare> GetTogetherShare(string hubSlug, DateTimeOffset since)
    {
        var jobs = S.TimeBank.Where(t => t.HubSlug == hubSlug && t.At >= since).ToArray();
        return Task.FromResult(new TogetherShare(jobs.Length, jobs.Sum(t => t.Hours), S.Thanks.Count(t => t.HubSlug == hubSlug && t.At >= since)));
    }

    public Task Tell(string message) =>
        string.IsNullOrWhiteSpace(message) ? Task.CompletedTask : Leave(new VolunteerNotice(clock.GetUtcNow(), message));

    public Task Tell(Phrase said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return Leave(new VolunteerNotice(clock.GetUtcNow(), said.ToString()) { Said = said });
    }

    public Task Tell(string hubSlug, Phrase said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return Leave(new VolunteerNotice(clock.GetUtcNow(), said.ToString()) { Said = said, HubSlug = hubSlug });
    }

    /// <summary>
    /// A coordinator's message: on their page at once, and by the channels they chose through the
    /// hub's outbox, decided in the same write as the notice.
    /// </summary>
    public async Task Tell(string hubSlug, Actor from, string message)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (S.Profile is null || string.IsNullOrWhiteSpace(message) || !Slug.IsValid(hubSlug)) return;
        var now = clock.GetUtcNow();
        var to = Recipient.Volunteer(this.GetPrimaryKey());
        var key = OutboundMessage.KeyFor(this.GetPrimaryKey().ToString("N"), S.Version + 1, MessageKind.CoordinatorMessage, to);
        S.Outgoing.Add(new OutboundMessage(key, hubSlug, MessageKind.CoordinatorMessage, to, Reason.CoordinatorMessage.Say(from.DisplayName, message), "en", false, now));
        await Leave(new VolunteerNotice(now, $"{from.DisplayName}: {message}") { HubSlug = hubSlug });
    }

    private async Task Leave(VolunteerNotice notice)
    {
        if (S.Profile is null) return;
        S.Notices.Add(notice);
        if (S.Notices.Count > MaxNotices) S.Notices.RemoveRange(0, S.Notices.Count - MaxNotices);
        // A new version announced to the boards is what tells the volunteer's open page to show the message.
        await Commit([]);
    }

    /// <param name="carriedTo">
    /// The hub of the request this change was made for: the request's own notice carries the new
    /// row there (one board delta for both), so this grain only owes that hub its notice (see
    /// <see cref="HubDelivery.Owe"/>) and tells every other hub at once.
    /// </param>
    private async Task<Result<VolunteerView>> Commit(IReadOnlyList<string> leftHubs, string? carriedTo = null)
    {
        S.Version++;
        S.Outgoing = Outbox.Unacknowledged(S.Outgoing);
        if (S.OutboxErasures.Count > 0) S.OutboxErasures = Outbox.Unforgotten(S.OutboxErasures);
        try
        {
            await IndexPhone();
            // Durable before the write: a crash between it and the boards' answers is repaired on restart.
            await Delivery.Arm();
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now disagrees with storage: drop this activation so the next call reloads the truth.
            DeactivateOnIdle();
            throw;
        }

        var view = ToView();
        var summary = Summary(view);
        // Boards are projections: one-way notices, so a volunteer never waits on (or deadlocks with) a hub.
        // A board the volunteer left only needs to drop them; a lost removal shows at worst a stale row.
        foreach (var hub in leftHubs.Except(summary.HubSlugs)) GrainFactory.GetGrain<IHubGrain>(hub).VolunteerChanged(summary).Ignore();
        AnnounceToHubs(carriedTo);
        return Result<VolunteerView>.Ok(view);
    }

    /// <summary>
    /// Points the phone index at this volunteer when the profile's phone is set or changed, and lets
    /// the old phone go; before the state write, so a crash leaves at most an index entry that the
    /// reader checks against the profile. The index is a leaf: volunteer → index, never back.
    /// </summary>
    private async Task IndexPhone()
    {
        var key = S.Profile?.Contact?.MatchKey() is { } k && k.StartsWith(ContactDetails.PhoneKeyPrefix, StringComparison.Ordinal) ? k : null;
        if (key == S.IndexedPhone) return;
        var me = this.GetPrimaryKey();
        if (key is not null) await GrainFactory.GetGrain<IPhoneVolunteerGrain>(key).Point(me);
        if (S.IndexedPhone is { } old) await GrainFactory.GetGrain<IPhoneVolunteerGrain>(old).Forget(me);
        S.IndexedPhone = key;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-announce on activation, as request grains do, so a board that lost a one-way notice
        // (its write failed, or it crashed before the write) converges; hubs ignore versions they have.
        if (S.Profile is not null) AnnounceToHubs();
        AskRequestsStillHolding(LeftoverAge);
        this.RegisterGrainTimer(() =>
        {
            AskRequestsStillHolding(LeftoverAge);
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(LeftoverCheck, LeftoverCheck) { Interleave = false });
        return base.OnActivateAsync(cancellationToken);
    }

    /// <summary>How often, and past what age, an active volunteer's reservations are checked against their requests.</summary>
    private static readonly TimeSpan LeftoverCheck = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(2);

    /// <summary>When this activation last asked because a reservation stood in the way (process clock: pacing only).</summary>
    private long askedInTheWay;

    /// <summary>A reservation stands in the way: ask about every one, at most once a minute (a busy dispatcher refused again and again asks once).</summary>
    private void AskWhenInTheWay()
    {
        if (askedInTheWay != 0 && Stopwatch.GetElapsedTime(askedInTheWay) < TimeSpan.FromMinutes(1)) return;
        askedInTheWay = Stopwatch.GetTimestamp();
        AskRequestsStillHolding(TimeSpan.Zero);
    }

    /// <summary>
    /// Asks each request this volunteer holds time for (reserved at least <paramref name="olderThan"/>
    /// ago) whether it still holds them; one that does not ends the reservation
    /// (<see cref="IRequestGrain.CheckHolds"/>). Also whenever a reservation stands in the way
    /// (a limit, leaving a hub, erasure), so trying again shortly after succeeds.
    /// </summary>
    private void AskRequestsStillHolding(TimeSpan olderThan)
    {
        var now = clock.GetUtcNow();
        foreach (var held in S.Reservations.Where(r => now - r.ReservedAt >= olderThan))
        {
            GrainFactory.GetGrain<IRequestGrain>(held.RequestId).CheckHolds(this.GetPrimaryKey(), held.ReservedAt).Ignore();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        HubDelivery.ReminderName => Delivery.OnReminder(),
        LendReminder => CheckLoans(),
        _ => Task.CompletedTask,
    };

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    private OutboxHanding? outbox;

    private OutboxHanding Outbox => outbox ??= new OutboxHanding(GrainFactory);

    /// <summary>Notices to the volunteer's boards and messages to hubs' outboxes, sent again to any that could not keep them (<see cref="HubDelivery"/>).</summary>
    private void AnnounceToHubs(string? carriedTo = null)
    {
        var hubs = S.Profile!.HubSlugs.Union(S.LentTo).ToArray();
        var owed = carriedTo is not null && hubs.Contains(carriedTo) ? carriedTo : null;
        Delivery.Announce(hubs.Where(h => h != owed).Concat(Outbox.Targets(S.Outgoing)).Concat(Outbox.ForgetTargets(S.OutboxErasures)), target =>
            OutboxHanding.IsOutbox(target, out var hub) ? Outbox.Hand(hub, S.Outgoing)
            : OutboxHanding.IsForgetting(target, out var erasing) ? Outbox.Forget(erasing, o => o.ForgetRecipient(Recipient.Volunteer(this.GetPrimaryKey())))
            : Delivery.Board(target).VolunteerChanged(Summary(ToView())));
        if (owed is not null) Delivery.Owe(owed);
    }

    private static VolunteerProfile Normalise(VolunteerProfile p) => p with
    {
        Name = p.Name.Trim(),
        HubSlugs = p.HubSlugs.Distinct().ToArray(),
        CanHelpWith = p.CanHelpWith.Distinct().ToArray(),
        Languages = p.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        Skills = (p.Skills ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
    };
}
