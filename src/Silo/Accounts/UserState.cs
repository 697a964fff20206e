using MutualAid.Accounts;
using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Accounts;

[GenerateSerializer, Alias("MutualAid.Silo.UserState")]
public sealed class UserState
{
    [Id(0)] public UserAccount? Account { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.UserDirectoryState")]
public sealed class UserDirectoryState : IErasableState
{
    [Id(0)] public Dictionary<string, UserSummary> Users { get; set; } = [];
    [Id(1)] public string? FirstAdminReservedFor { get; set; }

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.InvitationState")]
public sealed class InvitationState
{
    [Id(0)] public Invitation? Invitation { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.PendingInvitationsState")]
public sealed class PendingInvitationsState
{
    [Id(0)] public Dictionary<string, PendingInvitation> Pending { get; set; } = [];
}

[GenerateSerializer, Alias("MutualAid.Silo.PasswordResetState")]
public sealed class PasswordResetState
{
    [Id(0)] public PasswordReset? Reset { get; set; }
}
