using System.Globalization;
using System.Text;
using MutualAid.Board;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Localization;
using MutualAid.Web.Volunteers;
using Microsoft.Extensions.Localization;

namespace MutualAid.Web.Handover;

/// <summary>One line of what happened during a shift, taken from a request's audit trail.</summary>
public sealed record HandoverChange(DateTimeOffset At, string Reference, string Who, string What, string? Why)
{
    /// <summary>The action as a phrase, for the page to say in the reader's language (<see cref="What"/> is the English).</summary>
    public MutualAid.Common.Phrase? Said { get; init; }

    /// <summary>Why, when the system gave the reason (<see cref="Why"/> is then its English; a typed reason has none).</summary>
    public MutualAid.Common.Phrase? WhySaid { get; init; }

    /// <summary>Who, for the page to say: the app's own actors and tokens have names in every language (<see cref="Who"/> is as stored).</summary>
    public MutualAid.Common.Actor? By { get; init; }

    public string WhoIn(IStringLocalizer<UiText> t) => By is { } by ? t.Who(by) : Who;
}

/// <summary>A coordinator's end-of-shift summary: what changed, what is overdue, who is out on a job and who is off.</summary>
public sealed record HandoverReport(
    string Hub,
    DateTimeOffset Since,
    DateTimeOffset Until,
    IReadOnlyList<HandoverChange> Changes,
    IReadOnlyList<RequestSummary> Overdue,
    IReadOnlyList<RequestSummary> Waiting,
    IReadOnlyList<(VolunteerSummary Volunteer, IReadOnlyList<string?> Jobs)> OutOnAJob,
    IReadOnlyList<VolunteerSummary> OffDuty)
{
    /// <summary>
    /// Builds the summary from the audit trails of every request the hub saw change since
    /// <paramref name="since"/> (up to two days back). For the hub's dispatchers and coordinators:
    /// reasons typed into the audit may mention people.
    /// </summary>
    public static async Task<HandoverReport> Build(IGrainFactory grains, string hub, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var board = grains.GetGrain<IHubGrain>(hub);
        var snapshot = await board.GetSnapshot();
        var changes = new List<HandoverChange>();
        foreach (var id in await board.ChangedSince(since))
        {
            var request = grains.GetGrain<IRequestGrain>(id);
            if (await request.GetSummary() is not { } summary) continue;
            changes.AddRange(WhileOn(hub, summary.HubSlug, await request.GetAudit()).Where(e => e.At >= since)
                .Select(e => new HandoverChange(e.At, summary.ReferenceCode, e.Actor.DisplayName, e.Action, e.Reason) { Said = e.Said, WhySaid = e.ReasonSaid, By = e.Actor }));
        }

        var references = snapshot.Requests.ToDictionary(r => r.Id, r => r.ReferenceCode);
        var outOnAJob = snapshot.Volunteers.Where(v => v.ActiveRequestIds.Count > 0)
            .Select(v => (v, (IReadOnlyList<string?>)v.ActiveRequestIds.Select(id => references.GetValueOrDefault(id)).ToArray()))
            .ToArray();
        return new HandoverReport(hub, since, now, changes.OrderBy(c => c.At).ToArray(),
            snapshot.Requests.Where(r => r.OverdueSince is not null).ToArray(),
            snapshot.Requests.Where(r => r.AssignedVolunteerId is null && r.OverdueSince is null).ToArray(),
            outOnAJob, snapshot.Volunteers.Where(v => !v.OnDuty).ToArray());
    }

    /// <summary>
    /// The entries written while the request was on <paramref name="hub"/>, and the move that took it
    /// away: once it has moved on, what the next hub's people did and typed is theirs, not this hub's.
    /// Walks back from the hub it is on now, since each move names the hub it left.
    /// </summary>
    internal static IEnumerable<AuditEntry> WhileOn(string hub, string hubNow, IReadOnlyList<AuditEntry> audit)
    {
        var on = hubNow;
        var kept = new List<AuditEntry>();
        for (var i = audit.Count - 1; i >= 0; i--)
        {
            var entry = audit[i];
            var left = entry.Said is { Key: MoveKey, Args: [var from, ..] } ? from as string : null;
            if (on == hub || left == hub) kept.Add(entry);
            if (left is not null) on = left;
        }

        kept.Reverse();
        return kept;
    }

    /// <summary>A volunteer's jobs by reference; one of another hub (whose reference this hub does not see) as the reader's words for that.</summary>
    public static string Jobs(IReadOnlyList<string?> jobs, IStringLocalizer<UiText> t)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(t);
        return string.Join(", ", jobs.Select(j => j ?? t["Handover.AnotherHub"].Value));
    }

    /// <summary>The phrase key of a move between hubs ("moved this from hub {0} to hub {1}").</summary>
    internal const string MoveKey = "DidMove";

    /// <summary>
    /// The same summary as plain text, to download or paste into the next shift's chat: in the
    /// reader's language and at the hub's time, as the page says it.
    /// </summary>
    /// <param name="hubName">The hub as its people call it; its key when it has no name.</param>
    public string ToText(TimeZoneInfo zone, IStringLocalizer<UiText> t, string? hubName = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(t);
        string At(DateTimeOffset at) => HubTime.Show(at, zone);
        var culture = CultureInfo.CurrentCulture;
        var text = new StringBuilder();
        text.AppendLine(t["Handover.TextTitle", hubName ?? Hub, At(Since), At(Until)]);
        text.AppendLine();
        text.AppendLine(culture, $"{t["Handover.Overdue", Overdue.Count]}:");
        foreach (var r in Overdue)
        {
            text.AppendLine(culture, $"- {t["Handover.TextOverdue", r.ReferenceCode, t.Word(r.Urgency), t.Word(r.Category), t.Area(r.Area), At(r.OverdueSince!.Value)]}{(r.OfferedToRegion is null ? "" : t["Handover.OfferedToRegion"])}");
        }

        text.AppendLine(culture, $"{t["Handover.Waiting", Waiting.Count]}:");
        foreach (var r in Waiting) text.AppendLine(culture, $"- {t["Handover.TextWaiting", r.ReferenceCode, t.Word(r.Urgency), t.Word(r.Category), t.Area(r.Area)]}");
        text.AppendLine(culture, $"{t["Handover.Out", OutOnAJob.Count]}:");
        foreach (var (v, jobs) in OutOnAJob) text.AppendLine(culture, $"- {v.Name}: {Jobs(jobs, t)}");
        text.AppendLine(culture, $"{t["Handover.OffDuty", OffDuty.Count]}: {string.Join(", ", OffDuty.Select(v => v.Name))}");
        text.AppendLine();
        text.AppendLine(culture, $"{t["Handover.Changed", Changes.Count]}:");
        foreach (var c in Changes)
        {
            var why = t.Say(c.WhySaid, c.Why);
            text.AppendLine(culture, $"- {At(c.At)} {c.Reference} {c.WhoIn(t)} {t.Say(c.Said, c.What)}{(why is null ? "" : $" ({why})")}");
        }

        return text.ToString();
    }
}
