using MutualAid.Common;
using MutualAid.Notifications;

namespace MutualAid.Web.Status;

/// <summary>What /status tells the person who asked: where their request stands, in plain words, never who or where.</summary>
public enum StatusAnswer
{
    /// <summary>No such code, or the digits do not match: one answer for both, so the page is no oracle.</summary>
    NotFound,
    Received,
    BeingArranged,
    OnTheWay,
    Delivered,
    Cancelled,
    PassedOn,
}

/// <summary>The answer, and for a cancellation the system's reason when it gave one.</summary>
public sealed record StatusReport(StatusAnswer Answer, Phrase? Why = null)
{
    /// <summary>What we sent this person, newest first: the kind and when, never the words (they may name the volunteer).</summary>
    public IReadOnlyList<SentNotice> Sent { get; init; } = [];

    /// <summary>What became of a thank-you posted with the code; null when none was.</summary>
    public ThanksAnswer? Thanks { get; init; }

    /// <summary>The time zone of the hub holding the request, in which the person reads when we sent them something.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>A thank-you from /status: passed on, the note was empty or too long, or the request is not delivered (or has had enough).</summary>
public enum ThanksAnswer
{
    Sent,
    Invalid,
    NotNow,
}

/// <summary>One message the outbox holds for the person who asked, as /status may show it.</summary>
public sealed record SentNotice(MessageKind Kind, DateTimeOffset DecidedAt, MessageStatus Status);
