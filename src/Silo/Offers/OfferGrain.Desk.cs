using MutualAid.Silo.Audit;
using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Silo.Offers;

/// <summary>What the hub's coordinators do to an offer from the board: edit, pause, resume, withdraw; each checked against the version they saw.</summary>
public sealed partial class OfferGrain
{
    public async Task<Result<OfferView>> Edit(EditOffer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(command) is { } failure) return failure;
        var was = View!;
        var next = command.Changes.ApplyTo(was);
        var errors = command.Changes.Validate(next, Now);
        if (errors.Count > 0) return Result<OfferView>.Invalid(errors);
        var changed = Changed(was, next);
        if (changed.Count == 0) return Result<OfferView>.Refused(Reason.NothingToChange);

        // Nothing left is used up, whoever said so.
        if (next.Remaining == 0) next = next with { Status = OfferStatus.Exhausted };
        return await Commit(next, command.Actor, Phrase.Of("DidEdit", "changed {0}", Reasons.List(changed)), command.Changes.Reason);
    }

    public async Task<Result<OfferView>> Pause(OfferCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(command) is { } failure) return failure;
        if (View!.Status == OfferStatus.Paused) return Result<OfferView>.Refused(Reason.OfferAlreadyPaused);
        return await Commit(View with { Status = OfferStatus.Paused }, command.Actor, Phrase.Of("DidPauseOffer", "paused this offer"), command.Reason);
    }

    public async Task<Result<OfferView>> Unpause(OfferCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(command) is { } failure) return failure;
        if (View!.Status != OfferStatus.Paused) return Result<OfferView>.Refused(Reason.OfferNotPaused);
        return await Commit(View with { Status = OfferStatus.Open }, command.Actor, Phrase.Of("DidResumeOffer", "resumed this offer"), command.Reason);
    }

    public async Task<Result<OfferView>> Withdraw(OfferCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Check(command) ?? await Withdrawn(command.Actor, command.Reason);
    }

    public async Task<Result<OfferView>> Withdraw(Actor actor, string reason)
    {
        if (View is null) return Result<OfferView>.NotFound(Reason.NoSuchOffer);
        if (!OfferRules.IsLive(View.Status)) return Result<OfferView>.Refused(Reason.OfferClosed, View.Status);
        return await Withdrawn(actor, reason);
    }

    private async Task<Result<OfferView>> Withdrawn(Actor actor, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Result<OfferView>.Invalid(nameof(reason), Reason.SayWhyWithdrawn);
        var errors = new List<FieldError>();
        Text.Optional(errors, nameof(reason), reason, NewRequest.MaxShortText);
        if (errors.Count > 0) return Result<OfferView>.Invalid(errors);
        return await Commit(View! with { Status = OfferStatus.Withdrawn }, actor, Phrase.Of("DidWithdrawOffer", "withdrew this offer"), reason.Trim());
    }

    /// <summary>Existence, reach, actor, staleness, then whether it is still live: the first that fails is the answer.</summary>
    private Result<OfferView>? Check(IOfferCommand command)
    {
        // Another hub's offer answers as if it did not exist, before the version check, so not even who changed it leaks.
        if (View is null || (command.Hub is { } hub && hub != View.HubSlug)) return Result<OfferView>.NotFound(Reason.NoSuchOffer);
        if (command.Actor is null || string.IsNullOrWhiteSpace(command.Actor.UserId)) return Result<OfferView>.Invalid("Actor", Reason.NoActor);
        if (command.ExpectedVersion != View.Version)
        {
            var last = LastChange();
            return Result<OfferView>.Stale(new Conflict(command.ExpectedVersion, View.Version, last.Actor, last.Said, last.At));
        }

        return OfferRules.IsLive(View.Status) ? null : Result<OfferView>.Refused(Reason.OfferClosed, View.Status);
    }

    /// <summary>The newest history line; an offer stored before histories were kept says it was recorded.</summary>
    private AuditEntry LastChange() =>
        state.State.Audit.LastOrDefault()
        ?? new AuditEntry(View!.Version, View.CreatedAt, Actor.System, Phrase.Of("DidRecordOffer", "recorded this offer ({0})", RequestSource.Member), null);

    /// <summary>The changed fields' names, each a phrase so the history reads in every reader's language.</summary>
    private static List<Phrase> Changed(OfferView was, OfferView now) =>
        new ChangedFields()
            .Compare(Phrase.Of("FieldOfferKind", "kind"), was.Kind, now.Kind)
            .Compare(Phrase.Of("FieldCategory", "category"), was.Category, now.Category)
            .Compare(Phrase.Of("FieldDescription", "description"), was.Description, now.Description)
            .Compare(Phrase.Of("FieldQuantity", "quantity"), was.Quantity, now.Quantity)
            .Compare(Phrase.Of("FieldRemaining", "what is left"), was.Remaining, now.Remaining)
            .Compare(Phrase.Of("FieldUnit", "unit"), was.Unit, now.Unit)
            .Compare(Phrase.Of("FieldAvailableFrom", "available from"), was.AvailableFrom, now.AvailableFrom)
            .Compare(Phrase.Of("FieldAvailableUntil", "available until"), was.AvailableUntil, now.AvailableUntil)
            .Compare(Phrase.Of("FieldArea", "area"), was.Area, now.Area)
            .Compare(Phrase.Of("FieldExpiresAt", "expiry"), was.ExpiresAt, now.ExpiresAt)
            .Names;
}
