namespace MutualAid.Web.Accounts;

/// <summary>What someone wants to do at a place (a hub, or a region for the region permissions).</summary>
public enum Ability
{
    /// <summary>See a hub's board (redacted).</summary>
    ViewBoard,
    /// <summary>See requesters' contact details and exact locations on a hub.</summary>
    SeePrivate,
    /// <summary>Assign, reassign, change status; enter requests by phone.</summary>
    Dispatch,
    /// <summary>Invite people, export and erase personal data, take requests offered to the region.</summary>
    ManageHub,
    /// <summary>See a region's overview and the needs offered to it.</summary>
    ViewRegion,
    /// <summary>Create regions and hubs, appoint coordinators.</summary>
    Administer,
    /// <summary>See a hub's members and pending links; revoke links, remove roles, issue password resets.</summary>
    ManageTeam,
    /// <summary>Take a request offered (or escalated) to the region onto this hub's board.</summary>
    TakeIntoHub,
    /// <summary>See a hub's outbox (who was told what, and whether it went) and send a message again.</summary>
    SeeOutbox,
    /// <summary>Write in a request's contact log.</summary>
    AddNote,
    /// <summary>Read a request's whole contact log (the assigned volunteer reads only what is marked for them, through the grain's scope).</summary>
    ReadNotes,
    /// <summary>Enter, edit, pause, resume, withdraw and set the expiry of a hub's offers.</summary>
    ManageOffers,
    /// <summary>Issue and revoke the hub's API tokens (integrations act with them as a dispatcher or reader).</summary>
    ManageApiTokens,
    /// <summary>Send the volunteer who delivered a request a thank-you from the board.</summary>
    SendThanks,
    /// <summary>State one's own shift on a hub's board and see how long one has been on.</summary>
    KeepShift,
    /// <summary>See which of a hub's organisers have been on shift too long this week.</summary>
    SeeOrganiserShifts,
    /// <summary>Read concerns about people and take them through the restorative process; set "do not pair".</summary>
    HandleConcerns,
    /// <summary>Raise a concern about an interaction (anyone who works on the hub).</summary>
    RaiseConcern,
    /// <summary>Keep the hub's checks and record them per volunteer (private to the coordinators).</summary>
    ManageVetting,
    /// <summary>Raise a critical need the region could not meet to the whole network (a region permission).</summary>
    RaiseToNetwork,
    /// <summary>See a hub's (or, for its regional coordinators, a region's) needs over time.</summary>
    SeeTrends,
    /// <summary>Open and close the hub's needs survey and read its answers' own words.</summary>
    RunSurvey,
    /// <summary>Keep a hub's fund: record donations and purchases, reverse mistakes, read the ledger (donors' names too), export it.</summary>
    ManageFund,
    /// <summary>Approve a reimbursement someone else asked for (never one's own ask).</summary>
    ApproveReimbursement,
    /// <summary>Ask the fund to pay a volunteer back (a volunteer only for themselves).</summary>
    AskReimbursement,
    /// <summary>See a hub's proposals, propose, vote and object: any member of the hub, whatever the role.</summary>
    TakePartInDecisions,
    /// <summary>Record a decision taken at an assembly (minutes).</summary>
    RecordMinutes,
}
