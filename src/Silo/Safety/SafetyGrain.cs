using MutualAid.Requests;
using MutualAid.Safety;

namespace MutualAid.Silo.Safety;

/// <summary>
/// Vetting and "do not pair" for one hub. Everything here is private to the coordinators (vetting)
/// and the safeguarding role (pairs): answers to matching and assignment say only yes or no.
/// </summary>
public sealed class SafetyGrain(
    [PersistentState("safety")] IPersistentState<SafetyState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ISafetyGrain
{
    private SafetyState S => state.State;

    private VettingPolicy Policy => S.Policy ?? VettingPolicy.Default;

    private string Hub => this.GetPrimaryKeyString();

    public Task<VettingPolicy> GetPolicy() => Task.FromResult(Policy);

    public async Task<Result<VettingPolicy>> SetPolicy(VettingPolicy policy, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = policy.Validate();
        if (errors.Count > 0) return Result<VettingPolicy>.Invalid(errors);
        S.Policy = policy.Normalised();
        var said = Phrase.Of("DidSetChecks", "set the hub's checks: {0}", string.Join(", ", S.Policy.Checks.Select(c => c.Name)));
        Trail(Guid.Empty, actor, said);
        await Write();
        return Result<VettingPolicy>.Ok(S.Policy);
    }

    public async Task<Result<VolunteerVetting>> RecordCheck(Guid volunteerId, string check, DateTimeOffset seenOn, DateTimeOffset? expiresAt, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (volunteerId == Guid.Empty) return Result<VolunteerVetting>.Invalid("VolunteerId", Reason.ChooseHubVolunteer);
        if (Policy.Find(check ?? "") is not { } known) return Result<VolunteerVetting>.Invalid("Check", Reason.UnknownCheck, check ?? "");
        var now = clock.GetUtcNow();
        if (seenOn > now) return Result<VolunteerVetting>.Invalid("SeenOn", Reason.SeenInFuture);
        var until = expiresAt ?? (known.ValidFor is { } valid ? seenOn + valid : null);
        if (until is { } end && end <= seenOn) return Result<VolunteerVetting>.Invalid("ExpiresAt", Reason.ExpiresBeforeSeen);

        var record = new CheckRecord(known.Name, seenOn, until, actor, now);
        Records(volunteerId).Add(record);
        Trail(volunteerId, actor, until is { } u
            ? Phrase.Of("DidRecordCheckUntil", "recorded {0}, seen {1:yyyy-MM-dd}, valid until {2:yyyy-MM-dd}", known.Name, seenOn, u)
            : Phrase.Of("DidRecordCheck", "recorded {0}, seen {1:yyyy-MM-dd}", known.Name, seenOn));
        await Write();
        return Result<VolunteerVetting>.Ok(Vetting(volunteerId, now));
    }

    public Task<VolunteerVetting> GetVetting(Guid volunteerId) => Task.FromResult(Vetting(volunteerId, clock.GetUtcNow()));

    public Task<IReadOnlyList<AuditEntry>> GetAudit(Guid volunteerId) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(S.Audit.TryGetValue(volunteerId, out var trail) ? trail.ToArray() : []);

    public Task<Screening> Screen(Guid volunteerId, RequestCategory category, string? requesterKey) =>
        ScreenBeside(volunteerId, category, requesterKey, []);

    public Task<IReadOnlyList<Guid>> Eligible(RequestCategory category, string? requesterKey, IReadOnlyList<Guid> volunteers) =>
        EligibleBeside(category, requesterKey, [], volunteers);

    public Task<Screening> ScreenBeside(Guid volunteerId, RequestCategory category, string? requesterKey, IReadOnlyList<Guid> beside)
    {
        ArgumentNullException.ThrowIfNull(beside);
        return Task.FromResult(ScreenNow(volunteerId, category, requesterKey, beside, clock.GetUtcNow()));
    }

    public Task<IReadOnlyList<Guid>> EligibleBeside(RequestCategory category, string? requesterKey, IReadOnlyList<Guid> beside, IReadOnlyList<Guid> volunteers)
    {
        ArgumentNullException.ThrowIfNull(beside);
        ArgumentNullException.ThrowIfNull(volunteers);
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Guid>>(volunteers.Where(v => ScreenNow(v, category, requesterKey, beside, now).IsClear).ToArray());
    }

    public async Task KeepApart(string partyA, string partyB, Guid concernId, Actor actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partyA);
        ArgumentException.ThrowIfNullOrWhiteSpace(partyB);
        if (partyA == partyB || S.Apart.Exists(p => p.Pairs(partyA, partyB))) return;
        S.Apart.Add(new KeptApart(partyA, partyB, concernId, clock.GetUtcNow()));
        await Write();
    }

    private Screening ScreenNow(Guid volunteerId, RequestCategory category, string? requesterKey, IReadOnlyList<Guid> beside, DateTimeOffset now)
    {
        var me = Party.Volunteer(volunteerId);
        if (requesterKey is not null && S.Apart.Exists(p => p.Pairs(me, Party.Requester(requesterKey)))) return new Screening(true, []);
        // A concern between two volunteers keeps them off one job together as it keeps one from a requester.
        if (beside.Any(other => other != volunteerId && S.Apart.Exists(p => p.Pairs(me, Party.Volunteer(other))))) return new Screening(true, []);
        var missing = Missing(volunteerId, category, now);
        return missing.Length == 0 ? Screening.Clear : new Screening(false, missing);
    }

    private string[] Missing(Guid volunteerId, RequestCategory category, DateTimeOffset now)
    {
        var required = Policy.RequiredFor(category);
        if (required.Count == 0) return [];
        var held = S.Records.TryGetValue(volunteerId, out var records) ? records : [];
        return required.Where(check => Latest(held, check) is not { } latest || !latest.CurrentAt(now)).ToArray();
    }

    /// <summary>The latest record of a check decides: a renewal replaces what came before.</summary>
    private static CheckRecord? Latest(IEnumerable<CheckRecord> records, string check) =>
        records.Where(r => string.Equals(r.Check, check, StringComparison.OrdinalIgnoreCase)).MaxBy(r => r.RecordedAt);

    private VolunteerVetting Vetting(Guid volunteerId, DateTimeOffset now)
    {
        var held = S.Records.TryGetValue(volunteerId, out var records) ? records : [];
        var latest = held.GroupBy(r => r.Check, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(r => r.RecordedAt)!).OrderBy(r => r.Check, StringComparer.OrdinalIgnoreCase).ToArray();
        var needs = Enum.GetValues<RequestCategory>()
            .SelectMany(category => Missing(volunteerId, category, now).Select(check => new CheckNeeded(category, check)))
            .ToArray();
        return new VolunteerVetting(volunteerId, Hub, latest, needs, now);
    }

    private List<CheckRecord> Records(Guid volunteerId)
    {
        if (!S.Records.TryGetValue(volunteerId, out var list)) S.Records[volunteerId] = list = [];
        return list;
    }

    private void Trail(Guid volunteerId, Actor actor, Phrase said)
    {
        if (!S.Audit.TryGetValue(volunteerId, out var trail)) S.Audit[volunteerId] = trail = [];
        trail.Add(new AuditEntry(S.Version + 1, clock.GetUtcNow(), actor, said, null));
    }

    private async Task Write()
    {
        S.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now disagrees with storage: the next call reloads the truth.
            DeactivateOnIdle();
            throw;
        }
    }
}
