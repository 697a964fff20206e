using System.Diagnostics;

namespace MutualAid.Web.Diagnostics;

/// <summary>
/// The web tier's own spans. A board delta continues the trace of the command that caused it (the
/// hub's observer call carries that context), so an operator follows one command from the HTTP request
/// or circuit event through the grains to every front-end that pushed it. Tags: slugs and numbers only.
/// </summary>
public static class WebTracing
{
    public const string SourceName = "MutualAid.Web";

    public const string BoardDeltaSpan = "board delta";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A delta is applied on the board's own loop, after the observer call has returned, so the
    /// context is captured at the call and given as the parent here.
    /// </summary>
    public static Activity? StartBoardDelta(string hub, MutualAid.Board.BoardDelta delta, ActivityContext cause)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var span = Source.StartActivity(BoardDeltaSpan, ActivityKind.Consumer, cause);
        span?.SetTag("hub", hub);
        span?.SetTag("board.version", delta.Version);
        span?.SetTag("board.changes", delta.Changes.Count);
        return span;
    }
}
