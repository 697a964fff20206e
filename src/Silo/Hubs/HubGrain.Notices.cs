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
    public async Task RequestChanged(RequestNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RefuseWhileStoreBehind();
        var r = notice.Summary;
        if (S.Marks.TryGetValue(r.Id, out var mark))
        {
            if (mark.Version >= r.Version) return; // late or repeated notice
        }
        else if (r.UpdatedAt <= S.FoldedUpTo)
        {
            return; // a folded request announcing itself again (it was counted), or a notice older than the folded ones
        }
        else if (indexes.HasSeen(r.Id))
        {
            // Folded, and changed since: erased while closed keeps its status; reopened says what it was.
            indexes.Unfold(S, RequestLifecycle.IsOpen(r.Status) ? notice.ReopenedFrom : r.Status);
        }

        // The board write that forgets a person's key leaves no older copy of it in the store.
        if (indexes.IndexPerson(S, r.Id, notice.ContactKey)) S.ScrubOnNextWrite = true;
        S.RecentlyChanged[r.Id] = r.UpdatedAt;
        var newMark = new RequestMark(r.Version, r.Status) { At = r.UpdatedAt };
        indexes.Mark(S, r.Id, newMark);

        var before = S.Open.TryGetValue(r.Id, out var shown) ? shown.AssignedVolunteerId : null;
        var changes = new List<BoardChange>(3);
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
            if (r.Status == RequestStatus.Fulfilled) S.RecentFulfilments.Add(r.UpdatedAt);
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
        await Publish([.. changes]);
    }

    public async Task VolunteerChanged(VolunteerSummary volunteer)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        RefuseWhileStoreBehind();
        var known = S.Volunteers.TryGetValue(volunteer.Id, out var current);
        if (known && current!.Version >= volunteer.Version) return;
        if (known && volunteer.Name == Common.ContactDetails.ErasedName && current!.Name != volunteer.Name) S.ScrubOnNextWrite = true;
        if (volunteer.HubSlugs.Contains(Slug))
        {
            S.Volunteers[volunteer.Id] = volunteer;
            await Publish([new VolunteerUpserted(holders.Shown(volunteer, S))]);
        }
        else if (known)
        {
            S.Volunteers.Remove(volunteer.Id);
            await Publish([new VolunteerRemoved(volunteer.Id)]);
        }
    }

    public async Task OfferChanged(OfferSummary offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RefuseWhileStoreBehind();
        if (S.OfferVersions.TryGetValue(offer.Id, out var version) && version >= offer.Version) return;
        S.OfferVersions[offer.Id] = offer.Version;
        // A paused offer stays on the board (shown as paused); the counts and suggestions take only open ones.
        // One that moved to another hub leaves this board as if closed.
        if (OfferRules.IsLive(offer.Status) && offer.HubSlug == Slug)
        {
            S.Offers[offer.Id] = offer;
            await Publish([new OfferUpserted(offer)]);
            GrainFactory.GetGrain<IHubStatsGrain>(Slug).OfferChanged(offer).Ignore();
        }
        else if (S.Offers.Remove(offer.Id))
        {
            await Publish([new OfferRemoved(offer.Id, offer.Status)]);
        }
    }
}
