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
    [English("Request {0} already exists.")] AlreadyExists = 106,
    [English("There is no such request.")] NoSuchRequest = 108,
    [English("A request cannot be merged into itself.")] MergeIntoItself = 109,
    [English("Only requests of the same hub can be merged.")] MergeAcrossHubs = 110,
    [English("{0} is {1}; merge into an open request.")] MergeIntoClosed = 111,
    [English("{0} holds this one; unassign it first or merge the other way.")] MergeHeld = 112,
    [English("Unknown urgency.")] UnknownUrgency = 113,
    [English("Unknown category.")] UnknownCategory = 114,
    [English("Choose a volunteer.")] ChooseVolunteer = 115,
    [English("Already assigned to {0}.")] AlreadyAssigned = 116,
    [English("Keep the reason under {0} characters.")] OverrideTooLong = 117,
    [English("{0} has already accepted this.")] AlreadyAccepted = 118,
    [English("Say how long it took: between {0} and {1} hours.")] HoursOutOfRange = 119,
    [English("Say why it is cancelled.")] SayWhyCancelled = 120,
    [English("Choose a region.")] ChooseRegion = 121,
    [English("Say why this hub cannot meet it.")] SayWhyEscalated = 122,
    [English("Say why it is reopened.")] SayWhyReopened = 123,
    [English("The request is already on that hub's board.")] AlreadyOnHub = 124,
    [English("Only a hub of region '{0}' can take this request.")] OutsideRegion = 125,
    [English("This request's hub belongs to no region, so no other hub can take it.")] HubInNoRegion = 126,
    [English("Record why (e.g. the person asked).")] SayWhyErased = 127,
    [English("{0} already has this.")] AlreadyTaken = 128,
    [English("Estimate between a few minutes and 24 hours.")] EstimateOutOfRange = 129,
    [English("Who is doing this?")] NoActor = 130,
    [English("This series has already started.")] SeriesStarted = 131,
    [English("Choose how often it repeats.")] ChooseRepeat = 132,
    [English("There is no such series.")] NoSuchSeries = 133,

    // Volunteers: 200-299
    [English("{0} A coordinator can override this with a reason.")] PastLimits = 200,
    [English("{0} already has {1} of {2} assignments.")] AtMostAssignments = 201,
    [English("{0} would pass their limit of {1:0.#} h this week ({2:0.#} h given or promised).")] PastWeeklyHours = 202,
    [English("{0} has given {1:0.#} h in the last 24 h and should rest: with {2:0.#} h promised and {3:0.#} h for this they would pass their limit of {4:0.#} h a day.")] ShouldRest = 203,
    [English("{0} is outside their stated hours ({1}).")] OutsideTheirHours = 204,
    [English("{0} is already registered.")] VolunteerExists = 205,
    [English("This volunteer already has a sign-in of their own.")] HasOwnSignIn = 206,
    [English("There is no such volunteer.")] NoSuchVolunteer = 207,
    [English("{0} still holds assignments in hub '{1}'; unassign them first.")] HoldsAssignmentsInHub = 208,
    [English("{0} still holds {1} assignment(s); unassign them first.")] HoldsAssignments = 209,
    [English("{0} is off duty.")] OffDuty = 210,
    [English("{0} does not volunteer with hub '{1}'.")] NotInVolunteersHub = 211,
    [English("Say why this volunteer should go past their limits.")] SayWhyOverride = 212,
    [English("Unknown hub name.")] UnknownHubName = 213,
    [English("An account is required.")] AccountRequired = 214,
    [English("{0} gave back {1} claims within an hour; a coordinator of their hub must clear them before they claim again.")] ClaimsHeld = 215,

    // Offers: 300-399
    [English("This offer already exists.")] OfferExists = 300,
    [English("There is no such offer.")] NoSuchOffer = 301,
    [English("This offer is closed ({0}).")] OfferClosed = 302,
    [English("Take more than zero.")] TakeMoreThanZero = 303,
    [English("Only {0:0.##} {1} left of this offer.")] OnlyLeft = 304,
    [English("Say why it is withdrawn.")] SayWhyWithdrawn = 305,

    // Accounts and invitations: 400-499
    [English("An account with this email already exists.")] AccountExists = 400,
    [English("There is no such account.")] NoSuchAccount = 401,
    [English("A culture name such as \"es\" is required.")] CultureRequired = 402,
    [English("A password is required.")] PasswordRequired = 403,
    [English("This invitation already exists.")] InvitationExists = 404,
    [English("This invitation link is not valid.")] InvitationNotValid = 405,
    [English("This invitation link has already been used.")] InvitationUsed = 406,
    [English("This invitation link has expired; ask for a new one.")] InvitationExpired = 407,
    [English("This invitation was sent to a different email address.")] InvitationForSomeoneElse = 408,
    [English("This link already exists.")] ResetExists = 409,
    [English("A reset link lasts between a moment and 7 days.")] ResetLifetime = 410,
    [English("This link is not valid or has expired; ask for a new one.")] ResetNotValid = 411,

    // Hubs and regions: 500-599
    [English("'{0}' is not a valid hub key.")] NotAHubKey = 500,
    [English("Hub '{0}' already belongs to region '{1}'.")] HubInOtherRegion = 501,
    [English("'{0}' is not a valid region key.")] NotARegionKey = 502,
    [English("There is no hub '{0}'.")] NoSuchHub = 503,

    // Web tier (authorisation, services): 600-699
}
