using Microsoft.Extensions.Logging;
using MutualAid.Safety;

namespace MutualAid.Silo.Safety;

/// <summary>
/// A concern and its restorative process, each step a note in its own trail. Its words never
/// leave it except to the safeguarding role: logs carry the id and stage only.
/// </summary>
public sealed partial class ConcernGrain(
    [PersistentState("concern")] IPersistentState<ConcernState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<ConcernGrain> logger) : Grain, IConcernGrain
{
    private ConcernView? View => state.State.View;

    public async Task<Result<ConcernView>> Raise(NewConcern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        if (View is { } existing) return existing.Raised == concern ? Result<ConcernView>.Ok(existing) : Result<ConcernView>.Refused(Reason.AlreadyExists, existing.Id);
        var errors = concern.Validate();
        if (errors.Count > 0) return Result<ConcernView>.Invalid(errors);
        var now = clock.GetUtcNow();
        var raised = concern with { Text = concern.Text.Trim(), About = string.IsNullOrWhiteSpace(concern.About) ? null : concern.About.Trim() };
        var view = new ConcernView(this.GetPrimaryKey(), raised, now, ConcernStage.Raised, [new ConcernStep(ConcernStage.Raised, now, raised.RaisedBy, "")], false);
        return await Commit(view);
    }

    public Task<ConcernView?> GetView() => Task.FromResult(View);

    public async Task<Result<ConcernView>> Advance(ConcernStage stage, string note, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (View is not { } view) return Result<ConcernView>.NotFound(Reason.NoSuchConcern);
        if (view.Stage == ConcernStage.Closed) return Result<ConcernView>.Refused(Reason.ConcernClosed);
        if (!Enum.IsDefined(stage) || stage == ConcernStage.Raised || stage < view.Stage || (stage == view.Stage && stage != ConcernStage.Conversation))
        {
            return Result<ConcernView>.Refused(Reason.ConcernStepBack);
        }

        if (Note(note) is { } bad) return bad;
        var now = clock.GetUtcNow();
        return await Commit(view with { Stage = stage, Steps = [.. view.Steps, new ConcernStep(stage, now, actor, note.Trim())] });
    }

    public async Task<Result<ConcernView>> KeepApart(string note, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (View is not { } view) return Result<ConcernView>.NotFound(Reason.NoSuchConcern);
        if (!view.CanKeepApart) return Result<ConcernView>.Refused(Reason.NoOneToKeepApart);
        if (view.KeptApart) return Result<ConcernView>.Ok(view);
        if (Note(note) is { } bad) return bad;
        // The pair is stored before the concern says so: a crash between leaves the pair (safe) and a retry finishes.
        await GrainFactory.GetGrain<ISafetyGrain>(view.Raised.HubSlug).KeepApart(view.Raised.RaisedByParty!, view.Raised.AboutParty!, view.Id, actor);
        var step = new ConcernStep(view.Stage == ConcernStage.Raised ? ConcernStage.Acknowledged : view.Stage, clock.GetUtcNow(), actor, note.Trim());
        return await Commit(view with { KeptApart = true, Stage = step.Stage, Steps = [.. view.Steps, step] });
    }

    private static Result<ConcernView>? Note(string? note) =>
        string.IsNullOrWhiteSpace(note) ? Result<ConcernView>.Invalid("Note", Reason.WriteConcernNote)
        : note.Trim().Length > NewConcern.MaxNote ? Result<ConcernView>.Invalid("Note", Reason.TooLong, NewConcern.MaxNote)
        : null;

    private async Task<Result<ConcernView>> Commit(ConcernView view)
    {
        var before = state.State.View;
        state.State.View = view;
        await state.WriteOrUndo(() => state.State.View = before);

        // The list is a leaf and holds no words; tracking again after a lost call is harmless.
        await GrainFactory.GetGrain<IHubConcernsGrain>(view.Raised.HubSlug).Track(new ConcernSummary(view.Id, view.RaisedAt, view.Stage, view.Steps[^1].At));
        LogStage(logger, view.Id, view.Stage);
        return Result<ConcernView>.Ok(view);
    }

    // Ids only: what was said, and about whom, never reaches a log line.
    [LoggerMessage(Level = LogLevel.Information, Message = "Concern {ConcernId} is now {Stage}")]
    private static partial void LogStage(ILogger logger, Guid concernId, ConcernStage stage);
}
