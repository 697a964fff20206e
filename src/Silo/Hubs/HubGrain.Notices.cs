using MutualAid.Board;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Stats;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

/// <summary>The projection: each notice from the entity that owns the truth, applied to the board once (stale versions ignored).</summary>
public sealed partial class HubGrain
{
    /// <summary>
    /// The request's change and the rows of the volunteers it reserved or completed (carried on its
    /// notice) go into one pending version, so a board gets one delta for an assignment or a delivery.
    /// Each part keeps its own version rule: a row the board already has, or a request version it
    /// already has, is skipped on its own.
    /// </summary>
    public async Task RequestChanged(RequestNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RefuseWhileStoreBehind();
        var changes = new List<BoardChange>(3 + notice.Volunteers.Count);
        var rows = new List<Guid>(notice.Volunteers.Count);
        foreach (var volunteer in notice.Volunteers)
        {
            if (ApplyVolunteer(volunteer, changes) is { } shown) rows.Add(shown);
        }

        var applied = ApplyRequest(notice, changes);
        if (!applied && changes.Count == 0 && rows.Count == 0) return; // nothing new: no version, no write
        // A row listed twice (its own and again as the request's holder) goes once, as the board now shows it.
        changes.RemoveAll(c => c is VolunteerUpserted u && rows.Contains(u.Volunteer.Id));
        foreach (var id in rows)
        {
            if (S.Volunteers.TryGetValue(id, out var row)) changes.Add(new VolunteerUpserted(holders.Shown(row, S)));
        }

        await Publish([.. changes]);
    }

    /// <summary>The request's part of a notice, applied in memory; false when the board already has that version.</summary>
    private bool ApplyRequest(RequestNotice notice, List<BoardChange> changes)
    {
        var r = notice.Summary;
        if (S.Marks.TryGetValue(r.Id, out var mark))
        {
            if (mark.Version >= r.Version) return false; // late or repeated notice
        }
        else if (r.UpdatedAt <= S.FoldedUpTo)
        {
            return false; // a folded request announcing itself again (it was counted), or a notice older than the folded ones
        }
        else if (indexes.HasSeen(r.Id))
        {
            // Folded, and changed since: erased while closed keeps its status; reopened says what it was.
            indexes.Unfold(S, RequestLifecycle.IsOpen(r.Status) ? notice.ReopenedFrom : r.Status);
        }

        // Written with the board's next write only when it changed; the write that forgets a person's
        // key leaves no older copy of it in the store.
        var (filed, dropped) = indexes.IndexPerson(people.State, peopleLog.State, r.Id, notice.ContactKey);
        peopleChanged |= filed;
        if (dropped)
        {
            peopleDropped = true;
            people.State.ScrubOnNextWrite = peopleLog.State.ScrubOnNextWrite = true;
            EraseOnNextWrite(); // the board held the key too (ContactKeys)
        }

        rows.Request(r.Id);
        // The board's log holds the rows as they stood, the area with them: an erased request's write
        // is whole and erasing, and empties the log, whether or not a contact key left the index.
        if (r.Area == Common.ContactDetails.ErasedName && S.Open.GetValueOrDefault(r.Id)?.Area != r.Area) EraseOnNextWrite();
        var newMark = new RequestMark(r.Version, r.Status) { At = r.UpdatedAt };
        indexes.Mark(S, r.Id, newMark);

        var before = S.Open.TryGetValue(r.Id, out var shown) ? shown.AssignedVolunteerId : null;
        if (r.IsOpen && r.HubSlug == Slug)
        {
            S.Open[r.Id] = r;
            if (notice.ContactKey is { } key) S.ContactKeys[r.Id] = key;
            else S.ContactKeys.Remove(r.Id);
            changes.Add(new RequestUpserted(r));
        }
        else
        {
            // Counts change even when the list does not (closed before the board ever showed it).
            if (S.Open.Remove(r.Id)) changes.Add(new RequestRemoved(r.Id, r.Status));
            S.ContactKeys.Remove(r.Id);
            if (r.Status == RequestStatus.Fulfilled) CountFulfilment(r.UpdatedAt);
            folding.Left(r.Id, newMark);
        }

        // A change of holder moves the request between volunteers' rows in the same delta, so no
        // board ever shows it under two people (see BoardHolders).
        var after = S.Open.TryGetValue(r.Id, out var now) ? now.AssignedVolunteerId : null;
        if (before != after)
        {
            holders.Move(r.Id, before, after);
            foreach (var holder in new[] { before, after })
            {
                if (holder is { } id && S.Volunteers.TryGetValue(id, out var volunteer)) changes.Add(new VolunteerUpserted(holders.Shown(volunteer, S)));
            }
        }

        // The figures hear of it with the write that keeps it (see CommitBatch).
        counted.Add(new RequestCounted(r, notice.HoursGiven) { MovedFrom = notice.MovedFrom });
        return true;
    }

    public async Task VolunteerChanged(VolunteerSummary volunteer)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        RefuseWhileStoreBehind();
        var changes = new List<BoardChange>(1);
        if (ApplyVolunteer(volunteer, changes) is { } shown) changes.Add(new VolunteerUpserted(holders.Shown(S.Volunteers[shown], S)));
        if (changes.Count > 0) await Publish([.. changes]);
    }

    /// <summary>
    /// A volunteer's row, applied in memory unless the board has that version already. Answers the
    /// id when the board now shows the row (the caller adds the upsert once holders are settled); a
    /// volunteer who left this hub goes into <paramref name="changes"/> as a removal.
    /// </summary>
    private Guid? ApplyVolunteer(VolunteerSummary volunteer, List<BoardChange> changes)
    {
        var known = S.Volunteers.TryGetValue(volunteer.Id, out var current);
        if (known && current!.Version >= volunteer.Version) return null;
        if (known && volunteer.Name == Common.ContactDetails.ErasedName && current!.Name != volunteer.Name) EraseOnNextWrite();
        if (volunteer.HubSlugs.Contains(Slug))
        {
            rows.Volunteer(volunteer.Id);
            S.Volunteers[volunteer.Id] = volunteer;
            return volunteer.Id;
        }

        if (known)
        {
            rows.Volunteer(volunteer.Id);
            S.Volunteers.Remove(volunteer.Id);
            changes.Add(new VolunteerRemoved(volunteer.Id));
        }

        return null;
    }

    public async Task OfferChanged(OfferSummary offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RefuseWhileStoreBehind();
        if (S.OfferVersions.TryGetValue(offer.Id, out var version) && version >= offer.Version) return;
        S.OfferVersions[offer.Id] = offer.Version;
        rows.Offer(offer.Id);
        // A paused offer stays on the board (shown as paused); the counts and suggestions take only open ones.
        // One that moved to another hub leaves this board as if closed.
        if (OfferRules.IsLive(offer.Status) && offer.HubSlug == Slug)
        {
            S.Offers[offer.Id] = offer;
            await Publish([new OfferUpserted(offer)]);
            Stats.OfferChanged(offer).Ignore();
        }
        else
        {
            offerTrimming.Left(offer.Id);
            if (S.Offers.Remove(offer.Id)) await Publish([new OfferRemoved(offer.Id, offer.Status)]);
        }

        ArmOfferWindow();
    }
}
