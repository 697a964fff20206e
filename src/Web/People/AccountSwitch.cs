using MutualAid.Accounts;

namespace MutualAid.Web.People;

/// <summary>An account disabled or enabled by a network admin, and how many of its volunteer's jobs went back to be dispatched.</summary>
public sealed record AccountSwitch(UserSummary Account, int JobsReturned);
