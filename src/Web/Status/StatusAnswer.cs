using MutualAid.Common;
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
public sealed record StatusReport(StatusAnswer Answer, Phrase? Why = null);
