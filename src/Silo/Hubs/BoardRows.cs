namespace MutualAid.Silo.Hubs;

/// <summary>
/// Which rows of the board changed since its last write, so the write can log just those
/// (<see cref="HubBoardLog"/>), and the rule for when the whole board is written instead.
/// In memory only; every change to a row of <see cref="HubState"/> outside activation goes
/// through <see cref="Request"/>, <see cref="Volunteer"/> or <see cref="Offer"/>.
/// </summary>
internal sealed class BoardRows
{
    /// <summary>The fewest rows the log may hold before the board is written whole: at a trickle, a whole write per this many changes.</summary>
    internal const int MinimumRoom = 32;

    private readonly HashSet<Guid> requests = [];
    private readonly HashSet<Guid> volunteers = [];
    private readonly HashSet<Guid> offers = [];
    private readonly Persistence.LogRoom room = new(MinimumRoom);

    public void Request(Guid id) => requests.Add(id);

    public void Volunteer(Guid id) => volunteers.Add(id);

    public void Offer(Guid id) => offers.Add(id);

    public int Count => requests.Count + volunteers.Count + offers.Count;

    /// <summary>How many rows the log may hold (<see cref="Persistence.LogRoom"/>): with 2,300 rows on the board and 10 a batch, about 210 a write instead of 2,300.</summary>
    public int Room(HubState state) =>
        room.For(state.Open.Count + state.Marks.Count + state.Volunteers.Count + state.Offers.Count + state.OfferVersions.Count);

    /// <summary>The changed rows as the board now holds them, numbered; afterwards nothing is changed.</summary>
    public BoardLogEntry Capture(long number, HubState state)
    {
        var entry = new BoardLogEntry(number, state.Version, state.UpdatedAt, new(state.Folded), state.FoldedUpTo, state.FulfilledDayStart, state.FulfilledThatDay,
            [.. requests.Select(id => new RequestRow(id, state.Marks.GetValueOrDefault(id), state.Open.GetValueOrDefault(id), state.ContactKeys.GetValueOrDefault(id)))],
            [.. volunteers.Select(id => new VolunteerRow(id, state.Volunteers.GetValueOrDefault(id)))],
            [.. offers.Select(id => new OfferRow(id, state.OfferVersions.TryGetValue(id, out var v) ? v : null, state.Offers.GetValueOrDefault(id)))]);
        Forget();
        return entry;
    }

    /// <summary>The board is being written whole: it holds every change, so none is owed to the log.</summary>
    public void Forget()
    {
        room.Wrote(Count);
        requests.Clear();
        volunteers.Clear();
        offers.Clear();
    }

    /// <summary>
    /// On activation: applies the logged batches the stored whole board does not hold yet, in order,
    /// and drops from the log those it holds (a whole write since, not yet followed by a log write).
    /// Answers whether any were dropped: the stored log still holds them.
    /// </summary>
    public static bool Replay(HubState state, HubBoardLog log)
    {
        (log.LastNumber, var dropped) = Persistence.NumberedLog.Replay(log.Entries, log.LastNumber, state.LoggedThrough, e => e.Number, e => Apply(state, e));
        return dropped;
    }

    private static void Apply(HubState state, BoardLogEntry entry)
    {
        (state.Version, state.UpdatedAt, state.Folded, state.FoldedUpTo) = (entry.Version, entry.UpdatedAt, new(entry.Folded), entry.FoldedUpTo);
        (state.FulfilledDayStart, state.FulfilledThatDay) = (entry.FulfilledDayStart, entry.FulfilledThatDay);
        foreach (var row in entry.Requests)
        {
            Put(state.Marks, row.Id, row.Mark);
            Put(state.Open, row.Id, row.Open);
            Put(state.ContactKeys, row.Id, row.ContactKey);
        }

        foreach (var row in entry.Volunteers) Put(state.Volunteers, row.Id, row.Row);
        foreach (var row in entry.Offers)
        {
            if (row.Version is { } version) state.OfferVersions[row.Id] = version;
            else state.OfferVersions.Remove(row.Id);
            Put(state.Offers, row.Id, row.Row);
        }
    }

    private static void Put<T>(Dictionary<Guid, T> rows, Guid id, T? row)
        where T : class
    {
        if (row is null) rows.Remove(id);
        else rows[id] = row;
    }
}
