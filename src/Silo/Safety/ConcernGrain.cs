using Microsoft.Extensions.Logging;
using MutualAid.Hubs;
using MutualAid.Notifications;
using MutualAid.Safety;
using MutualAid.Silo.Hubs;
using MutualAid.Silo.Notifications;

namespace MutualAid.Silo.Safety;

/// <summary>
/// A concern and its restorative process, each step a note in its own trail. Its words never
/// leave it except to the people who handle the hub's concerns: logs carry the id and stage only,
/// and the message that tells those people a concern was raised (decided in the raising write,
/// handed to the hub's outbox as request grains hand theirs) carries only the hub's name.
/// </summary>
public sealed partial class ConcernGrain(
    [PersistentState("concern")] IPersistentState<ConcernState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<ConcernGrain> logger) : Grain, IConcernGrain, IRemindable
{
    private HubDelivery? delivery;
    private OutboxHanding? outbox;

    private ConcernView? View => state.State.View;

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    private OutboxHanding Outbox => outbox ??= new OutboxHanding(GrainFactory);

    public async Task<Result<ConcernView>> Raise(NewConcern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        if (View is { } existing) return existing.Raised == concern ? Result<ConcernView>.Ok(existing) : Result<ConcernView>.Refused(Reason.AlreadyExists, existing.Id);
        var errors = concern.Validate();
        if (errors.Count > 0) return Result<ConcernView>.Invalid(errors);
        var now = clock.GetUtcNow();
        var raised = concern with { Text = concern.Text.Trim(), About = string.IsNullOrWhiteSpace(concern.About) ? null : concern.About.Trim() };
        var view = new ConcernView(this.GetPrimaryKey(), raised, now, ConcernStage.Raised, [new ConcernStep(ConcernStage.Raised, now, raised.RaisedBy, "")], false);
        return await Commit(view, Told(view, await HubName(raised.HubSlug)));
    }

    /// <summary>
    /// Whoever handles the hub's concerns when it is sent (its safeguarding people, or its coordinators
    /// while it has none) hears that one was raised, and where to read it: never what it says, who
    /// raised it or whom it is about, since a message travels by email and sits in the outbox.
    /// </summary>
    internal static OutboundMessage Told(ConcernView view, string hubName)
    {
        var to = Recipient.ConcernHandlers(view.Raised.HubSlug);
        return new OutboundMessage(OutboundMessage.KeyFor(view.Id.ToString("N"), 1, MessageKind.ConcernRaised, to), view.Raised.HubSlug,
            MessageKind.ConcernRaised, to, Reason.ConcernRaised.Say(hubName), "en", false, view.RaisedAt);
    }

    /// <summary>The hub as its people call it (its slug when it has no name). The hub grain never calls a concern.</summary>
    private async Task<string> HubName(string hub) =>
        await GrainFactory.GetGrain<IHubGrain>(hub).GetSettings() is { Name: { Length: > 0 } name } ? name : hub;

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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A message written but not yet acknowledged (the silo died in between) is handed again.
        HandToOutbox();
        return base.OnActivateAsync(cancellationToken);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == HubDelivery.ReminderName ? Delivery.OnReminder() : Task.CompletedTask;

    /// <summary>Hands the outbox what it has not acknowledged, again until it has (<see cref="HubDelivery"/>).</summary>
    private void HandToOutbox()
    {
        if (state.State.Outgoing.Count == 0) return;
        Delivery.Announce(Outbox.Targets(state.State.Outgoing), target =>
            OutboxHanding.IsOutbox(target, out var hub) ? Outbox.Hand(hub, state.State.Outgoing) : Task.CompletedTask);
    }

    private static Result<ConcernView>? Note(string? note) =>
        string.IsNullOrWhiteSpace(note) ? Result<ConcernView>.Invalid("Note", Reason.WriteConcernNote)
        : note.Trim().Length > NewConcern.MaxNote ? Result<ConcernView>.Invalid("Note", Reason.TooLong, NewConcern.MaxNote)
        : null;

    private async Task<Result<ConcernView>> Commit(ConcernView view, OutboundMessage? told = null)
    {
        var before = state.State.View;
        var beforeOutgoing = state.State.Outgoing;
        state.State.View = view;
        state.State.Outgoing = Outbox.Unacknowledged(state.State.Outgoing);
        if (told is not null) state.State.Outgoing.Add(told);
        // Durable before the write: a crash between it and the outbox's answer is handed again on restart.
        if (state.State.Outgoing.Count > 0) await Delivery.Arm();
        await state.WriteOrUndo(() => (state.State.View, state.State.Outgoing) = (before, beforeOutgoing));
        HandToOutbox();

        // The list is a leaf and holds no words; tracking again after a lost call is harmless.
        await GrainFactory.GetGrain<IHubConcernsGrain>(view.Raised.HubSlug).Track(new ConcernSummary(view.Id, view.RaisedAt, view.Stage, view.Steps[^1].At));
        LogStage(logger, view.Id, view.Stage);
        return Result<ConcernView>.Ok(view);
    }

    // Ids only: what was said, and about whom, never reaches a log line.
    [LoggerMessage(Level = LogLevel.Information, Message = "Concern {ConcernId} is now {Stage}")]
    private static partial void LogStage(ILogger logger, Guid concernId, ConcernStage stage);
}
