using System.Collections.Frozen;
using System.Reflection;

namespace MutualAid.Common;

public static class Reasons
{
    private static readonly FrozenDictionary<Reason, string> Templates = typeof(Reason)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(f => (Reason)f.GetValue(null)!, f => f.GetCustomAttribute<EnglishAttribute>()?.Template ?? f.Name);

    /// <summary>The phrase key of a reason: its words are "Phrase.Reason.{name}" in each language.</summary>
    public static string Key(this Reason reason) => $"Reason.{reason}";

    /// <summary>The one English template of a reason.</summary>
    public static string English(this Reason reason) => Templates.TryGetValue(reason, out var template) ? template : reason.ToString();

    /// <summary>"a, b, c" with each item said in the reader's language (none empty).</summary>
    public static Phrase List(IEnumerable<Phrase> items) => items.Aggregate((list, next) => Reason.ListOf.Say(list, next));

    /// <summary>
    /// Every choice of <typeparamref name="TEnum"/>, "Food, Groceries, …", each said as its word in the
    /// reader's language (its English is the names a client sends).
    /// </summary>
    public static Phrase Choices<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        return values.Skip(2).Aggregate(Reason.ListOf.Say(values[0], values[1]), (list, next) => Reason.ListOf.Say(list, next));
    }

    /// <summary>The reason as a phrase a person reads in their language, with its arguments.</summary>
    public static Phrase Say(this Reason reason, params object[] args) => new(reason.Key(), reason.English(), args);
}
