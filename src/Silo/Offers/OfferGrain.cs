using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Silo.Hosting;
using MutualAid.Silo.Hubs;
using MutualAid.Silo.Requests;

namespace MutualAid.Silo.Offers;

/// <summary>
/// Something a member gives; drawn down as it is used, closed when nothing is left. The hub's
/// coordinators run it from the board (OfferGrain.Desk.cs) and it may close by itself at its
/// expiry (OfferGrain.Expiry.cs); every change is one write with one history line, then a notice to the board.
/// </summary>
public sealed partial class OfferGrain(
    [PersistentState("offer")] IPersistentState<OfferState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<DeadlineOptions> deadlines,
    ILogger<OfferGrain> logger) : Grain, IOfferGrain, IRemindable
{
    private HubDelivery? delivery;

    private OfferView? View => state.State.View;

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Result<OfferView>> Create(NewOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (View is not null) return Result<OfferView>.Refused(Reason.OfferExists);
        var errors = offer.Validate().ToList();
        OfferRules.CheckExpiry(errors, offer.ExpiresAt, Now);
        if (errors.Count > 0) return Result<OfferView>.Invalid(errors);
        if (await GrainFactory.GetGrain<IHubGrain>(offer.HubSlug).GetSettings() is not { } settings)
        {
            return Result<OfferView>.Invalid(nameof(offer.HubSlug), Reason.NoSuchHub, offer.HubSlug);
        }

        // A named area gives the offer its spelling and its point; any other place stays as typed, with no point.
        var area = NamedArea.Find(settings.Areas, offer.Area);
        var view = new OfferView(
            this.GetPrimaryKey(), 0, offer.HubSlug, offer.Kind, offer.Category, offer.Description.Trim(), offer.Quantity,
            offer.Quantity, offer.Unit.Trim(), OfferStatus.Open, offer.Contact, Now)
        {
            AvailableFrom = offer.AvailableFrom,
            AvailableUntil = offer.AvailableUntil,
            Area = area?.Name ?? offer.Area?.Trim(),
            Location = offer.Location ?? area?.Point,
            ExpiresAt = offer.ExpiresAt,
        };
        return await Commit(view, offer.Actor, Phrase.Of("DidRecordOffer", "recorded this offer ({0})", offer.Source), default);
    }

    public Task<OfferView?> GetView() => Task.FromResult(View);

    public Task<IReadOnlyList<AuditEntry>> GetAudit() => Task.FromResult<IReadOnlyList<AuditEntry>>([.. state.State.Audit]);

    public async Task<Result<OfferView>> DrawDown(decimal amount, Guid? requestId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (View is null) return Result<OfferView>.NotFound(Reason.NoSuchOffer);
        return await Take(amount, requestId, actor);
    }

    public async Task<Result<OfferView>> DrawDown(DrawDownOffer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Check(command) ?? await Take(command.Amount, command.RequestId, command.Actor);
    }

    private async Task<Result<OfferView>> Take(decimal amount, Guid? requestId, Actor actor)
    {
        if (View!.Status == OfferStatus.Paused) return Result<OfferView>.Refused(Reason.OfferPaused);
        if (View.Status != OfferStatus.Open) return Result<OfferView>.Refused(Reason.OfferClosed, View.Status);
        if (amount <= 0) return Result<OfferView>.Invalid(nameof(amount), Reason.TakeMoreThanZero);
        if (amount > View.Remaining)
        {
            return Result<OfferView>.Refused(Reason.OnlyLeft, View.Remaining, View.Unit);
        }

        var remaining = View.Remaining - amount;
        var view = View with
        {
            Remaining = remaining,
            Status = remaining == 0 ? OfferStatus.Exhausted : OfferStatus.Open,
            DrawDowns = [.. View.DrawDowns, new OfferDrawDown(requestId, amount, actor, Now)],
        };
        return await Commit(view, actor, Phrase.Of("DidTakeFromOffer", "took {0:0.##} {1}", amount, View.Unit), default);
    }

    /// <summary>
    /// The next state (view, history line, expiry mark) in one write. The expiry reminder is
    /// registered before the write and removed after it once not needed, so a crash in between
    /// leaves at most a reminder that finds nothing to do and removes itself. A failed write
    /// leaves the live state as it was.
    /// </summary>
    private async Task<Result<OfferView>> Commit(OfferView next, Actor actor, Phrase said, AuditReason reason, string? movedFrom = null)
    {
        var before = state.State;
        var view = next with { Version = (before.View?.Version ?? 0) + 1 };
        // Durable before the write: a crash between it and the board's answer is repaired on restart.
        await Delivery.Arm();
        var upcoming = new OfferState
        {
            View = view,
            Audit = [.. before.Audit, new AuditEntry(view.Version, Now, actor, said, reason.English) { ReasonSaid = reason.Said }],
            ExpiryArmed = await ArmExpiry(before, view),
            MovedFrom = movedFrom ?? before.MovedFrom,
            RegionsOwed = RegionsOwed(before, view),
        };
        await state.WriteOrKeep(upcoming);

        // The board first: a region that cannot keep the change must not keep the board stale. The
        // region hears right after, and again until it answers; the caller's change is kept either way.
        var telling = Regions(upcoming.RegionsOwed).ToArray();
        regionsInHand.UnionWith(telling);
        AnnounceToHub();
        // A reminder left behind finds nothing to do on its tick and removes itself.
        if (before.ExpiryArmed && !upcoming.ExpiryArmed) await AfterWrite.Try(UnregisterExpiry, logger, View!.Id.ToString());
        await Delivery.HandNow(telling, Send, regionsInHand);
        return Result<OfferView>.Ok(view);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-announce on activation so a board that lost a one-way notice converges (as request grains do).
        if (View is not null) AnnounceToHub();
        return base.OnActivateAsync(cancellationToken);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        ExpiryReminder => CheckExpiry(),
        HubDelivery.ReminderName => Delivery.OnReminder(),
        _ => Task.CompletedTask,
    };

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    /// <summary>
    /// A notice to the board, sent again if the board could not keep it (<see cref="HubDelivery"/>);
    /// after a move the board it left hears too, and drops the offer when it sees the new hub. A region
    /// still owed this version hears the same way.
    /// </summary>
    private void AnnounceToHub()
    {
        IEnumerable<string> hubs = state.State.MovedFrom is { } former && former != View!.HubSlug ? [View!.HubSlug, former] : [View!.HubSlug];
        Delivery.Announce(hubs.Concat(Regions(state.State.RegionsOwed).Where(r => !regionsInHand.Contains(r))), Send);
    }
}
