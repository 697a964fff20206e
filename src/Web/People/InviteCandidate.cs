namespace MutualAid.Web.People;

/// <summary>
/// A volunteer of the hub with no account yet, as the invitation list shows them to a coordinator:
/// with the phone or email they were entered with, so two people of one name are told apart.
/// </summary>
public sealed record InviteCandidate(Guid Id, string Name, string? Contact)
{
    public string Label => Contact is null ? Name : $"{Name} · {Contact}";
}
