using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Safety;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

/// <summary>Answers read from the board and its indexes: duplicates, a person's requests, handovers, suggestions.</summary>
public sealed partial class HubGrain
{
    public Task<IReadOnlyList<DuplicateMatch>> FindDuplicates(DuplicateProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var area = NewRequest.NamesNoArea(probe.Area) ? "" : Text.Plain(probe.Area);
        var matches = new List<DuplicateMatch>();
        foreach (var r in S.Open.Values)
        {
            if (r.Id == probe.ExcludeRequestId) continue;
            if (probe.ContactKey is not null && S.ContactKeys.TryGetValue(r.Id, out var key) && key == probe.ContactKey)
            {
                matches.Add(DuplicateMatch.Because(r, key.StartsWith(ContactDetails.PhoneKeyPrefix, StringComparison.Ordinal) ? Reason.SamePhone : Reason.SameEmail));
            }
            else if (r.Category == probe.Category && area.Length > 0 && Text.Plain(r.Area) == area)
            {
                matches.Add(DuplicateMatch.Because(r, Reason.SameAreaAndCategory, r.Category));
            }
        }

        return Task.FromResult<IReadOnlyList<DuplicateMatch>>(matches.OrderBy(m => m.Request.CreatedAt).ToArray());
    }

    public Task<IReadOnlyList<Guid>> FindRequestsByContact(string contactKey) =>
        Task.FromResult<IReadOnlyList<Guid>>(people.State.People.TryGetValue(contactKey, out var ids) ? ids.ToArray() : []);

    /// <remarks>
    /// From the marks, which say when each request last changed: every open request, and the newest
    /// <see cref="KeptClosedMarks"/> off the board. A shift that closed more than that sees the newest.
    /// </remarks>
    public Task<IReadOnlyList<Guid>> ChangedSince(DateTimeOffset since) =>
        Task.FromResult<IReadOnlyList<Guid>>(S.Marks.Where(m => m.Value.At >= since).OrderBy(m => m.Value.At).Select(m => m.Key).ToArray());

    public Task<IReadOnlyList<Suggestion<OfferSummary>>> SuggestOffers(Guid requestId, int max)
    {
        if (!S.Open.TryGetValue(requestId, out var request) || max <= 0) return Task.FromResult<IReadOnlyList<Suggestion<OfferSummary>>>([]);
        var now = clock.GetUtcNow();
        var suggestions = S.Offers.Values
            .Select(o => OfferMatcher.Score(request, o, now))
            .OfType<Suggestion<OfferSummary>>()
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.CreatedAt)
            .Take(max)
            .ToArray();
        return Task.FromResult<IReadOnlyList<Suggestion<OfferSummary>>>(suggestions);
    }

    public async Task<IReadOnlyList<Suggestion<VolunteerSummary>>> SuggestVolunteers(Guid requestId, int max)
    {
        if (!S.Open.TryGetValue(requestId, out var request) || max <= 0) return [];

        // Nobody already holding it (either of a pair): placing them again is refused.
        var candidates = S.Volunteers.Values.Where(v => v.OnDuty && request.Assignees.All(a => a.VolunteerId != v.Id)).ToArray();
        // Only the vetted, and never someone kept apart from this requester: they are left out without a word.
        // The safety grain is a leaf, so the hub asking it cannot form a cycle.
        // A pair waiting for its second: never someone kept apart from the one already on it. (A full
        // pair's suggestion replaces one of two, whichever the dispatcher picks; the assignment screens that.)
        Guid[] beside = request.NeedsTwo && request.Held == 1 ? [.. request.Assignees.Select(a => a.VolunteerId)] : [];
        var eligible = (await GrainFactory.GetGrain<ISafetyGrain>(this.GetPrimaryKeyString())
            .EligibleBeside(request.Category, S.ContactKeys.GetValueOrDefault(requestId), beside, candidates.Select(v => v.Id).ToArray())).ToHashSet();
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), HubZone.Of(S.Settings)).DateTime;
        return candidates
            .Where(v => eligible.Contains(v.Id))
            .Select(v => VolunteerMatcher.Score(request, v, localNow))
            // Fair rotation: among equal scores, whoever has given least this week first.
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.HoursThisWeek).ThenBy(s => s.Candidate.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .ToArray();
    }
}
