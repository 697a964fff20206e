using MutualAid.Common;
using MutualAid.Accounts;
using MutualAid.Notifications;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Web.Notifications;

/// <summary>
/// Looks up addresses at send time, so nothing private waits in an outbox: a volunteer's own
/// contact and channel choice, the contact a requester gave, the emails of the hub's coordinators.
/// </summary>
public sealed class AddressBook(IGrainFactory grains)
{
    public async Task<Addressee> Find(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.To.Kind switch
        {
            RecipientKind.Volunteer => await Volunteer(message),
            RecipientKind.Requester => await Requester(message.To.EntityId!.Value),
            RecipientKind.ConcernHandlers => await ConcernHandlers(message.To.Id),
            _ => await Coordinators(message.To.Id),
        };
    }

    private async Task<Addressee> Volunteer(OutboundMessage message)
    {
        var id = message.To.EntityId!.Value;
        var view = await grains.GetGrain<IVolunteerGrain>(id).GetView();
        if (view is null) return new Addressee("", []);
        var contact = view.Profile.Contact;
        var ways = view.Profile.NotifyBy.Select(c => (c, c == Channel.Sms ? contact?.Phone : contact?.Email))
            .Where(w => !string.IsNullOrWhiteSpace(w.Item2)).Select(w => new Way(w.c, w.Item2!)).ToArray();
        // Where to go, only while the job is still theirs: the request answers that now, not when it was decided.
        var held = message.RequestId is { } request ? await grains.GetGrain<IRequestGrain>(request).ContactForVolunteer(id) : null;
        var extra = held is null ? null : Reason.ContactWhileClaimed.Say(message.Said, held.SaidOnOneLine());
        // The request that decided this does not know who reads it; the volunteer's own languages do.
        return new Addressee(view.Profile.Name, ways, extra, Sms.SmsWords.LanguageOf(view.Profile.Languages));
    }

    /// <summary>One way back to the person who asked, the one they gave first: a phone (SMS), else an email.</summary>
    private async Task<Addressee> Requester(Guid requestId)
    {
        var view = await grains.GetGrain<IRequestGrain>(requestId).GetView();
        if (view is null) return new Addressee("", []);
        var ways = new List<Way>();
        if (!string.IsNullOrWhiteSpace(view.Contact.Phone)) ways.Add(new Way(Channel.Sms, view.Contact.Phone));
        if (!string.IsNullOrWhiteSpace(view.Contact.Email)) ways.Add(new Way(Channel.Email, view.Contact.Email));
        return new Addressee($"{view.Contact.Name} ({view.ReferenceCode})", ways);
    }

    /// <summary>Each coordinator in the language their account chose (a hub's team need not share one).</summary>
    private async Task<Addressee> Coordinators(string hub) =>
        await Holders(await grains.GetGrain<IUserDirectoryGrain>(0).List(), new RoleGrant(Role.Coordinator, hub));

    /// <summary>
    /// Whoever handles the hub's concerns now, as the access policy decides it on the concerns page:
    /// its enabled safeguarding accounts, or, while it has none, its coordinators.
    /// </summary>
    private async Task<Addressee> ConcernHandlers(string hub)
    {
        var users = await grains.GetGrain<IUserDirectoryGrain>(0).List();
        var safeguarding = new RoleGrant(Role.Safeguarding, hub);
        return await Holders(users, users.Any(u => u.Holds(safeguarding)) ? safeguarding : new RoleGrant(Role.Coordinator, hub));
    }

    private async Task<Addressee> Holders(IReadOnlyList<UserSummary> users, RoleGrant grant)
    {
        var holders = users.Where(u => u.Holds(grant));
        var emails = await Task.WhenAll(holders.Select(async u =>
            new Way(Channel.Email, u.Email, (await grains.GetGrain<IUserGrain>(IUserGrain.Key(u.Email)).GetAccount())?.Culture)));
        // The outbox names who it went to: the hub as its people call it, not its address.
        return new Addressee(await Region.HubNames.Of(grains, grant.Scope!) ?? grant.Scope!, emails);
    }
}
