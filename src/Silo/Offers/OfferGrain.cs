using Microsoft.Extensions.Logging;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Silo.Hubs;

namespace MutualAid.Silo.Offers;

/// <summary>Something a member gives; drawn down as it is used, closed when nothing is left.</summary>
public sealed class OfferGrain(
    [PersistentState("offer")] IPersistentState<OfferState> state,
    TimeProvider clock,
    ILogger<OfferGrain> logger) : Grain, IOfferGrain, IRemindable
{
    private HubDelivery? delivery;

    private OfferView? View => state.State.View;

    public async Task<Result<OfferView>> Create(NewOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (View is not null) return Result<OfferView>.Refused(Reason.OfferExists);
        var errors = offer.Validate();
        if (errors.Count > 0) return Result<OfferView>.Invalid(errors);
        if (await GrainFactory.GetGrain<IHubGrain>(offer.HubSlug).GetSettings() is not { } settings)
        {
            return Result<OfferView>.Invalid(nameof(offer.HubSlug), Reason.NoSuchHub, offer.HubSlug);
        }

        // A named area gives the offer its spelling and its point; any other place stays as typed, with no point.
        var area = NamedArea.Find(settings.Areas, offer.Area);
        var view = new OfferView(
            this.GetPrimaryKey(), 0, offer.HubSlug, offer.Kind, offer.Category, offer.Description.Trim(), offer.Quantity,
            offer.Quantity, offer.Unit.Trim(), OfferStatus.Open, offer.Contact, clock.GetUtcNow())
        {
            AvailableFrom = offer.AvailableFrom,
            AvailableUntil = offer.AvailableUntil,
            Area = area?.Name ?? offer.Area?.Trim(),
            Location = offer.Location ?? area?.Point,
        };
        return await Commit(view);
    }

    public Task<OfferView?> GetView() => Task.FromResult(View);

    public async Task<Result<OfferView>> DrawDown(decimal amount, Guid? requestId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (View is null) return Result<OfferView>.NotFound(Reason.NoSuchOffer);
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
            DrawDowns = [.. View.DrawDowns, new OfferDrawDown(requestId, amount, actor, clock.GetUtcNow())],
        };
        return await Commit(view);
    }

    public async Task<Result<OfferView>> Withdraw(Actor actor, string reason)
    {
        if (View is null) return Result<OfferView>.NotFound(Reason.NoSuchOffer);
        if (View.Status != OfferStatus.Open) return Result<OfferView>.Refused(Reason.OfferClosed, View.Status);
        if (string.IsNullOrWhiteSpace(reason)) return Result<OfferView>.Invalid(nameof(reason), Reason.SayWhyWithdrawn);
        return await Commit(View with { Status = OfferStatus.Withdrawn });
    }

    private async Task<Result<OfferView>> Commit(OfferView next)
    {
        var view = next with { Version = next.Version + 1 };
        // Durable before the write: a crash between it and the board's answer is repaired on restart.
        await Delivery.Arm();
        state.State.View = view;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now disagrees with storage: drop this activation so the next call reloads the truth.
            DeactivateOnIdle();
            throw;
        }

        AnnounceToHub();
        return Result<OfferView>.Ok(view);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-announce on activation so a board that lost a one-way notice converges (as request grains do).
        if (View is not null) AnnounceToHub();
        return base.OnActivateAsync(cancellationToken);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == HubDelivery.ReminderName ? Delivery.OnReminder() : Task.CompletedTask;

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    /// <summary>A notice to the board, sent again if the board could not keep it (<see cref="HubDelivery"/>).</summary>
    private void AnnounceToHub()
    {
        Delivery.Announce([View!.HubSlug], hub => GrainFactory.GetGrain<IHubGrain>(hub).OfferChanged(View!.Redact()));
    }
}
