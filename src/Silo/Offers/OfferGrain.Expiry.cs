using MutualAid.Offers;

namespace MutualAid.Silo.Offers;

/// <summary>
/// An offer with an expiry closes by itself at that time, through a durable reminder, so it happens
/// even if no silo that knew the offer is still running. Long waits are taken in steps: the reminder
/// wakes at most <see cref="LongestWait"/> ahead and re-arms for what remains.
/// </summary>
public sealed partial class OfferGrain
{
    private const string ExpiryReminder = "expiry";

    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(7);

    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    public async Task CheckExpiry()
    {
        if (ExpiryDue(View) is not { } due)
        {
            await UnregisterExpiry(); // nothing further happens by the clock
            return;
        }

        if (Now < due)
        {
            await RegisterExpiry(due); // woke early (a long wait taken in steps): sleep again
            return;
        }

        await Commit(View! with { Status = OfferStatus.Expired }, Actor.System, Phrase.Of("DidExpireOffer", "closed this offer"), Reason.OfferExpiryPassed.Say());
    }

    /// <summary>When the clock next has something to do: only a live offer with an expiry.</summary>
    private static DateTimeOffset? ExpiryDue(OfferView? view) =>
        view is { ExpiresAt: { } at } && OfferRules.IsLive(view.Status) ? at : null;

    /// <summary>Registers the reminder when the expiry moved (or none was registered); answers whether one will be armed.</summary>
    private async Task<bool> ArmExpiry(OfferState before, OfferView next)
    {
        if (ExpiryDue(next) is not { } due) return false;
        if (!before.ExpiryArmed || ExpiryDue(before.View) != due) await RegisterExpiry(due);
        return true;
    }

    private async Task RegisterExpiry(DateTimeOffset due)
    {
        var wait = due - Now;
        // Once due, it ticks at the network's pace (MutualAid:Deadlines:Recheck) until the offer is closed.
        await this.RegisterOrUpdateReminder(ExpiryReminder, wait < Soonest ? Soonest : wait > LongestWait ? LongestWait : wait, deadlines.Value.Recheck);
    }

    private async Task UnregisterExpiry()
    {
        if (await this.GetReminder(ExpiryReminder) is { } registered) await this.UnregisterReminder(registered);
    }
}
