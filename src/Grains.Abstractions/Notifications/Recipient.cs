namespace MutualAid.Notifications;

[GenerateSerializer, Alias("MutualAid.RecipientKind")]
public enum RecipientKind
{
    Volunteer = 0,
    Requester = 1,
    Coordinators = 2,
}

/// <summary>
/// Who a message is for, by reference only: the address is looked up when it is sent, so a
/// changed phone number or a lapsed claim is honoured and no contact detail sits in the outbox.
/// </summary>
/// <param name="Id">The volunteer's id, the request's id (its requester), or the hub's slug (its coordinators).</param>
[GenerateSerializer, Immutable, Alias("MutualAid.Recipient")]
public sealed record Recipient([property: Id(0)] RecipientKind Kind, [property: Id(1)] string Id)
{
    public static Recipient Volunteer(Guid volunteerId) => new(RecipientKind.Volunteer, volunteerId.ToString("N"));

    public static Recipient Requester(Guid requestId) => new(RecipientKind.Requester, requestId.ToString("N"));

    public static Recipient Coordinators(string hubSlug) => new(RecipientKind.Coordinators, hubSlug);

    /// <summary>The volunteer's or request's id; none for coordinators.</summary>
    public Guid? EntityId => Kind != RecipientKind.Coordinators && System.Guid.TryParseExact(Id, "N", out var id) ? id : null;

    /// <summary>Part of a message key: short and stable.</summary>
    public override string ToString() => $"{Kind switch { RecipientKind.Volunteer => "v", RecipientKind.Requester => "r", _ => "c" }}:{Id}";
}
