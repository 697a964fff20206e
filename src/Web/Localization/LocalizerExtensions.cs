using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>
    /// A sentence about <paramref name="count"/> things ({0}): key "{key}.One" when it is exactly one,
    /// else "{key}", because "1 rows" and "1 problem(s)" read wrong. English and Spanish both say only
    /// one thing in the singular (zero is plural), so two keys are every form they need.
    /// </summary>
    public static string Counted(this IStringLocalizer<UiText> text, string key, int count, params object[] more) =>
        text.CountedBy(key, count, [count, .. more]);

    /// <summary>As <see cref="Counted"/> when the count that decides singular or plural is not the sentence's first argument.</summary>
    public static string CountedBy(this IStringLocalizer<UiText> text, string key, int count, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[count == 1 ? key + ".One" : key, args];
    }

    /// <summary>
    /// A hub's vetting check by name. A new hub starts with the default checks stored under their
    /// English names, which are also what requirements and records match by, so the stored name stays
    /// and only the reader's words change; a check a hub named itself is shown as it was written.
    /// </summary>
    public static string CheckName(this IStringLocalizer<UiText> text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return name switch
        {
            MutualAid.Safety.VettingPolicy.IdSeen => text["Safety.Default.IdSeen"],
            MutualAid.Safety.VettingPolicy.SafeguardingTraining => text["Safety.Default.SafeguardingTraining"],
            _ => name,
        };
    }

    /// <summary>
    /// An enum value in the reader's language: key "Urgency.Critical". Every value of every enum
    /// the interface shows has a key in each language (a test enumerates them).
    /// </summary>
    public static string Word<TEnum>(this IStringLocalizer<UiText> text, TEnum value) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"{typeof(TEnum).Name}.{value}"];
    }

    /// <summary>The localised words of an enum whose name is only known from a string (e.g. a category in a chart row).</summary>
    public static string WordFor(this IStringLocalizer<UiText> text, string enumName, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = text[$"{enumName}.{value}"];
        return found.ResourceNotFound ? value : found;
    }

    /// <summary>
    /// A requester's language as the request records it. The public form and SMS record the languages
    /// this interface speaks by their English name ("Spanish"), which is said in the reader's language;
    /// any other, typed at intake ("Tigrinya"), shows as it was written.
    /// </summary>
    public static string Language(this IStringLocalizer<UiText> text, string? recorded)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(recorded)) return "";
        var found = text[$"Language.{recorded.Trim()}"];
        return found.ResourceNotFound ? recorded : found;
    }

    /// <summary>A request's area as written, or the reader's words for "no place given" (stored as one English word).</summary>
    public static string Area(this IStringLocalizer<UiText> text, string? area)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NewRequest.NamesNoArea(area) ? text["Area.NotGiven"] : area!;
    }

    /// <summary>
    /// A sentence from the grains in the reader's language: its template from key "Phrase.{Key}"
    /// (the grain's English when there is none), enum arguments and languages as words, numbers and
    /// dates in the reader's culture.
    /// </summary>
    public static string Say(this IStringLocalizer<UiText> text, Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrase);
        var template = text[$"Phrase.{phrase.Key}"];
        var args = phrase.Args.Select(a => a switch
        {
            DayOfWeek day => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day),
            Phrase inner => text.Say(inner),
            LanguageName language => text.Language(language.Recorded),
            Enum value => text.WordFor(value.GetType().Name, value.ToString()),
            _ => a,
        }).ToArray();
        return string.Format(CultureInfo.CurrentCulture, template.ResourceNotFound ? phrase.English : template.Value, args);
    }

    /// <summary>"a, b, c" in the reader's language (none empty); a sentence puts its own "and" before the last.</summary>
    public static string ListOf(this IStringLocalizer<UiText> text, IEnumerable<string> items) =>
        items.Aggregate((list, next) => text.Say(Reason.ListOf.Say(list, next)));

    /// <summary>
    /// Text that is either the system's (a phrase, said in the reader's language) or a person's
    /// (kept as they wrote it): an audit reason, a notice, an escalation's why.
    /// </summary>
    [return: NotNullIfNotNull(nameof(asWritten))]
    public static string? Say(this IStringLocalizer<UiText> text, Phrase? said, string? asWritten) =>
        said is { } phrase ? text.Say(phrase) : asWritten;

    /// <summary>A field error in the reader's language when the grains gave it as a phrase, else as they wrote it.</summary>
    public static string Say(this IStringLocalizer<UiText> text, FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Said is { } said ? text.Say(said) : error.Message;
    }

    /// <summary>
    /// Why a command did not go through, in the reader's language: its coded phrase, else the
    /// English it came with (an outcome not yet coded), else a plain "did not work".
    /// </summary>
    public static string Say<TValue>(this IStringLocalizer<UiText> text, Result<TValue> result)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        return result.Said is { } said ? text.Say(said) : result.Message ?? text["Common.DidNotWork"];
    }

    /// <summary>
    /// Who did something, in the reader's language: a person as they are named, the app's own actors
    /// (the public form, a text message, …) by their words here, as their stored names are English.
    /// </summary>
    public static string Who(this IStringLocalizer<UiText> text, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(actor);
        return AppActors.KeyOf(actor) is { } key ? text[key]
            : AppActors.TokenName(actor) is { } token ? text["Actor.ApiToken", token]
            : actor.DisplayName;
    }

    /// <summary>
    /// "Sam assigned this to Priya 4 s ago", in the reader's language: who, what, how long ago; a change
    /// older than an hour says when in the hub's zone, as the server's is not the reader's.
    /// </summary>
    public static string Describe(this IStringLocalizer<UiText> text, Conflict conflict, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentNullException.ThrowIfNull(zone);
        var ago = now - conflict.ChangedAt;
        var when = ago.TotalSeconds < 60 ? text["Conflict.SecondsAgo", Math.Max(0, (int)ago.TotalSeconds)]
            : ago.TotalMinutes < 60 ? text["Conflict.MinutesAgo", (int)ago.TotalMinutes]
            : text["Conflict.At", TimeZoneInfo.ConvertTime(conflict.ChangedAt, zone).ToString("g", CultureInfo.CurrentCulture)];
        var what = conflict.Said is { } said ? text.Say(said) : conflict.Change;
        return text["Conflict.Sentence", text.Who(conflict.ChangedBy), what, when];
    }
}
