namespace MutualAid.Notifications;

[GenerateSerializer, Alias("MutualAid.RecipientKind")]
public enum RecipientKind
{
    Volunteer = 0,
    Requester = 1,
    Coordinators = 2,
    /// <summary>
    /// The people who handle a hub's concerns, decided when the message is sent as the pages decide
    /// it: its enabled safeguarding accounts, or its coordinators while it has none.
    /// </summary>
    ConcernHandlers = 3,
}

/// <summary>
/// Who a message is for, by reference only: the address is looked up when it is sent, so a
/// changed phone number or a lapsed claim is honoured and no contact detail sits in the outbox.
/// </summary>
/// <param name="Id">The volunteer's id, the request's id (its requester), or the hub's slug (its coordinators, or who handles its concerns).</param>
[GenerateSerializer, Immutable, Alias("MutualAid.Recipient")]
public sealed record Recipient([property: Id(0)] RecipientKind Kind, [property: Id(1)] string Id)
{
    public static Recipient Volunteer(Guid volunteerId) => new(RecipientKind.Volunteer, volunteerId.ToString("N"));

    public static Recipient Requester(Guid requestId) => new(RecipientKind.Requester, requestId.ToString("N"));

    public static Recipient Coordinators(string hubSlug) => new(RecipientKind.Coordinators, hubSlug);

    /// <summary>Whoever handles the hub's concerns when it is sent (<see cref="RecipientKind.ConcernHandlers"/>).</summary>
    public static Recipient ConcernHandlers(string hubSlug) => new(RecipientKind.ConcernHandlers, hubSlug);

    /// <summary>The volunteer's or request's id; none for a hub's people.</summary>
    public Guid? EntityId => Kind is RecipientKind.Volunteer or RecipientKind.Requester && System.Guid.TryParseExact(Id, "N", out var id) ? id : null;

    /// <summary>Part of a message key: short and stable.</summary>
    public override string ToString() => $"{Kind switch { RecipientKind.Volunteer => "v", RecipientKind.Requester => "r", RecipientKind.ConcernHandlers => "s", _ => "c" }}:{Id}";
}
