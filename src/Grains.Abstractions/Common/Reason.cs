namespace MutualAid.Common;

/// <summary>
/// Why a command was refused, invalid or not found: the code clients branch on (never the text),
/// and the key of its words ("Phrase.Reason.{name}" in every language; a test fails on a missing
/// one). Each code has exactly one English template, on the member, so a translation can't drift
/// from what the grain meant. Values are explicit and grouped by owner so they never shift when a
/// code is added; a retired code keeps its number unused.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Reason")]
public enum Reason
{
    None = 0,

    // Common: 1-99
    [English("Someone else changed this first.")] Stale = 1,
    [English("Check the highlighted fields.")] Invalid = 2,
    [English("Not found.")] NotFound = 3,

    // Requests: 100-199
    [English("{0} is not possible while this request is {1}.")] NotNow = 100,
    [English("This request is {1}: reopen it first.")] ReopenFirst = 101,
    [English("Unassign the volunteer first: this request is {1}.")] UnassignFirst = 102,
    [English("Mark it picked up first: this request is {1}.")] StartFirst = 103,
    [English("There is no such request on this hub's board.")] NotInHub = 104,
    [English("This is not one of your jobs.")] NotYours = 105,

    // Volunteers: 200-299
    [English("{0} A coordinator can override this with a reason.")] PastLimits = 200,

    // Offers: 300-399

    // Accounts and invitations: 400-499

    // Hubs and regions: 500-599

    // Web tier (authorisation, services): 600-699
}
