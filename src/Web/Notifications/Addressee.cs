using MutualAid.Common;
using MutualAid.Notifications;

namespace MutualAid.Web.Notifications;

/// <summary>
/// Who a message reaches, resolved when it is sent: the name the outbox view shows beside the role
/// (never an address), and each way out the person chose with the address for it.
/// </summary>
/// <param name="Extra">Words added for this person at send time (the requester's address, while the volunteer holds the request).</param>
/// <param name="Language">The language the person reads, when the sender knows better than the grain that decided the message.</param>
public sealed record Addressee(string ShownAs, IReadOnlyList<Way> Ways, Phrase? Extra = null, string? Language = null);

/// <summary>One way out to one reader.</summary>
/// <param name="Language">This reader's own language, where one addressee is several people (a hub's coordinators).</param>
public sealed record Way(Channel Channel, string Address, string? Language = null);
