using MutualAid.Common;

namespace MutualAid.Silo.Requests;

/// <summary>
/// A history line about a volunteer's own step on their job. The line already names who acted, so a
/// volunteer who did it themselves reads "Priya accepted this", not "Priya accepted this for Priya";
/// a dispatcher doing it for them still reads "Sam accepted this for Priya".
/// </summary>
internal static class HolderPhrase
{
    public static Phrase Of(Actor actor, string holders, string key, string english, string englishOwn)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.DisplayName == holders ? Phrase.Of(key + "Own", englishOwn) : Phrase.Of(key, english, holders);
    }
}
