namespace MutualAid.Accounts;

[GenerateSerializer, Alias("MutualAid.Role")]
public enum Role
{
    /// <summary>Runs the deployment: every region and hub. Scope is empty.</summary>
    NetworkAdmin = 0,
    /// <summary>Scope: a region slug. Sees its hubs and moves needs between them.</summary>
    RegionalCoordinator = 1,
    /// <summary>Scope: a hub slug. Triage, intake, private details, exports, invitations.</summary>
    Coordinator = 2,
    /// <summary>Scope: a hub slug. Assigns and follows requests; sees private details to dispatch.</summary>
    Dispatcher = 3,
    /// <summary>Scope: a hub slug. Sees the board redacted and their own assignments in full.</summary>
    Volunteer = 4,
    /// <summary>Scope: a hub slug. Receives and handles the hub's concerns about people; nothing else.</summary>
    Safeguarding = 5,
}
