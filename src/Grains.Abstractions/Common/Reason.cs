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
    [English("You are not a dispatcher of hub '{0}'.")] NotADispatcher = 600,
    [English("You are not a coordinator of hub '{0}'.")] NotACoordinator = 601,
    [English("Only a coordinator of hub '{0}' can assign past a volunteer's limits.")] OverrideNeedsCoordinator = 602,
    [English("Say why this volunteer should go past their limits.")] OverrideNeedsReason = 603,
    [English("You can only claim requests for yourself.")] ClaimOnlyForYourself = 604,
    [English("You do not volunteer with hub '{0}'.")] NotVolunteerOfHub = 605,
    [English("Only a coordinator of one of this volunteer's hubs can let them claim again.")] ClearHoldNeedsCoordinator = 606,
    [English("You cannot take requests into hub '{0}'.")] CannotTakeIntoHub = 607,
    [English("No such request is waiting for this region.")] NotWaitingForRegion = 608,
    [English("Could not reopen it.")] CouldNotReopen = 609,
    [English("There is no such request.")] NoSuchRequest = 610,
    [English("There is no such volunteer.")] NoSuchVolunteer = 611,
    [English("There is no such series.")] NoSuchSeries = 612,
    [English("There is no such offer.")] NoSuchOffer = 613,
    [English("There is no hub '{0}'.")] NoSuchHub = 614,
    [English("You do not take requests for hub '{0}'.")] NotIntakeOfHub = 615,
    [English("Only a coordinator of hub '{0}' can merge requests.")] MergeNeedsCoordinator = 616,
    [English("{0} holds {1}; unassign it first or merge the other way.")] MergeHeld = 617,
    [English("Accept it first, then mark it picked up.")] AcceptFirst = 618,
    [English("Unknown command '{0}'.")] UnknownAction = 619,
    [English("Say which volunteer to assign (volunteerId).")] VolunteerMissing = 620,
    [English("This account is not a volunteer's.")] NotAVolunteerAccount = 621,
    [English("You cannot change this volunteer's duty.")] CannotChangeDuty = 622,
    [English("Write a message.")] MessageEmpty = 623,
    [English("Keep it under {0} characters.")] MessageTooLong = 624,
    [English("Only a coordinator of this volunteer's hub can send them a message.")] MessageNeedsCoordinator = 625,
    [English("That is not possible here.")] NotPossibleHere = 626,
    [English("You cannot disable your own account.")] CannotDisableSelf = 627,
    [English("Use at least {0} characters.")] PasswordTooShort = 628,
    [English("Keep it under 200 characters.")] PasswordTooLong = 629,
    [English("An administrator already exists; ask them for an invitation.")] AdministratorExists = 630,
    [English("There is no such link.")] NoSuchLink = 631,
    [English("This invitation link is not valid.")] InvitationNotValid = 632,
    [English("This invitation link has already been used.")] InvitationUsed = 633,
    [English("This invitation link has expired; ask for a new one.")] InvitationExpired = 634,
    [English("That email already has an account; enter its password to add this role to it.")] WrongExistingPassword = 635,
    [English("Too many failed attempts; try again later.")] LockedOut = 636,
    [English("Give a phone number or an email address.")] GivePhoneOrEmail = 637,
    [English("No such volunteer on this hub.")] NoSuchVolunteerOnHub = 638,
    [English("Only a network administrator can do this.")] NotAnAdministrator = 639,
    [English("The cluster is recovering from a failed server. Repeat the command in a moment: repeating is safe (one that already went through is answered with a conflict naming you).")] ClusterRecovering = 640,
}
