using System.Text;
using MutualAid.Requests;

namespace MutualAid.Web.Sms;

/// <summary>What a text asks for, by its first word.</summary>
public enum SmsIntent
{
    Other,
    Help,
    Stop,
    Start,
    Yes,
    No,
    Done,
    Thanks,
    /// <summary>HERE / AQUI: "I'm here" on a visit.</summary>
    Here,
    /// <summary>SAFE / BIEN: "I've left safely".</summary>
    Safe,
    /// <summary>NEED / NECESITO: an answer to the hub's needs survey.</summary>
    Need,
}

/// <summary>
/// Reads a text the way people type them on a phone: any case, accents or not ("SÍ", "si"),
/// punctuation after the keyword ("Yes!"). Only the first word decides what the text is.
/// </summary>
public sealed record SmsText(SmsIntent Intent, string Language, string Rest)
{
    private static readonly Dictionary<string, (SmsIntent Intent, string Language)> Keywords = new(StringComparer.Ordinal)
    {
        ["HELP"] = (SmsIntent.Help, "en"),
        ["AYUDA"] = (SmsIntent.Help, "es"),
        // Twilio's own opt-out words, and Spanish ones.
        ["STOP"] = (SmsIntent.Stop, "en"),
        ["STOPALL"] = (SmsIntent.Stop, "en"),
        ["UNSUBSCRIBE"] = (SmsIntent.Stop, "en"),
        ["CANCEL"] = (SmsIntent.Stop, "en"),
        ["END"] = (SmsIntent.Stop, "en"),
        ["QUIT"] = (SmsIntent.Stop, "en"),
        ["PARAR"] = (SmsIntent.Stop, "es"),
        ["BAJA"] = (SmsIntent.Stop, "es"),
        ["START"] = (SmsIntent.Start, "en"),
        ["UNSTOP"] = (SmsIntent.Start, "en"),
        ["ALTA"] = (SmsIntent.Start, "es"),
        ["YES"] = (SmsIntent.Yes, "en"),
        ["SI"] = (SmsIntent.Yes, "es"),
        ["NO"] = (SmsIntent.No, "en"),
        ["DONE"] = (SmsIntent.Done, "en"),
        ["LISTO"] = (SmsIntent.Done, "es"),
        ["THANKS"] = (SmsIntent.Thanks, "en"),
        ["THANK"] = (SmsIntent.Thanks, "en"),
        ["THANKYOU"] = (SmsIntent.Thanks, "en"),
        ["GRACIAS"] = (SmsIntent.Thanks, "es"),
        ["HERE"] = (SmsIntent.Here, "en"),
        ["AQUI"] = (SmsIntent.Here, "es"),
        ["SAFE"] = (SmsIntent.Safe, "en"),
        ["BIEN"] = (SmsIntent.Safe, "es"),
        ["NEED"] = (SmsIntent.Need, "en"),
        ["NECESITO"] = (SmsIntent.Need, "es"),
        ["NECESITAMOS"] = (SmsIntent.Need, "es"),
    };

    /// <summary>Words that name a kind of need, folded (no accents, upper case).</summary>
    private static readonly (RequestCategory Category, string[] Words)[] Needs =
    [
        (RequestCategory.Food, ["FOOD", "COMIDA", "ALIMENTOS", "HAMBRE", "HUNGRY", "MEAL", "MEALS"]),
        (RequestCategory.Groceries, ["GROCERIES", "SHOPPING", "MERCADO", "COMPRAS", "SUPERMERCADO"]),
        (RequestCategory.Medicine, ["MEDICINE", "MEDICINA", "MEDICINAS", "MEDICAMENTOS", "MEDICATION", "PHARMACY", "FARMACIA", "PRESCRIPTION", "RECETA"]),
        (RequestCategory.MedicalSupplies, ["SUPPLIES", "MASKS", "MASCARILLAS", "INSULIN", "INSULINA"]),
        (RequestCategory.Shelter, ["SHELTER", "REFUGIO", "ALBERGUE", "HOUSING", "VIVIENDA"]),
        (RequestCategory.Transport, ["TRANSPORT", "TRANSPORTE", "RIDE", "LIFT", "VIAJE"]),
        (RequestCategory.Childcare, ["CHILDCARE", "NINOS", "KIDS", "CHILDREN", "GUARDERIA"]),
        (RequestCategory.Eldercare, ["ELDERCARE", "ELDERLY", "MAYORES", "ANCIANOS", "ABUELA", "ABUELO"]),
        (RequestCategory.EmotionalSupport, ["LONELY", "TALK", "HABLAR", "SOLEDAD", "APOYO"]),
        (RequestCategory.Legal, ["LEGAL", "LAWYER", "ABOGADO", "EVICTION", "DESALOJO"]),
        (RequestCategory.Utilities, ["UTILITIES", "ELECTRICITY", "HEATING", "WATER", "LUZ", "AGUA", "CALEFACCION"]),
    ];

    private static readonly string[] AreaMarkers = [" EN ", " IN ", " AT "];

    public static SmsText Read(string? body)
    {
        // What the request's fields would refuse goes before anything is read: a text for help is taken as it can be.
        var text = Common.Text.Cleaned(body ?? "", multiLine: true).Trim();
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var first = Fold(text[..end]);
        var rest = text[end..].TrimStart(' ', '!', '.', ',', ':', ';', '-').Trim();
        return Keywords.TryGetValue(first, out var keyword)
            ? new SmsText(keyword.Intent, keyword.Language, rest)
            : new SmsText(SmsIntent.Other, "en", text);
    }

    /// <summary>The kind of help the words name, else Other (a dispatcher triages it anyway).</summary>
    public RequestCategory Category()
    {
        var words = Fold(Rest).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '!', '?', ';', ':'));
        foreach (var word in words)
        {
            foreach (var (category, names) in Needs)
            {
                if (names.Contains(word)) return category;
            }
        }

        return RequestCategory.Other;
    }

    /// <summary>The first whole number in the words ("NEED food 4" → 4), for a survey's household size; null with none.</summary>
    public int? FirstNumber()
    {
        var words = Rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '!', '?', ';', ':'));
        foreach (var word in words)
        {
            if (word.Length <= 3 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        }

        return null;
    }

    /// <summary>What follows the first "en" / "in" / "at" word, as the person wrote it; <see cref="NewRequest.AreaNotGiven"/> when they named no place.</summary>
    public string Area()
    {
        // A phone breaks lines where it likes: "food\nin Docks" names Docks as much as "food in Docks".
        var folded = " " + new string([.. Fold(Rest).Select(c => char.IsWhiteSpace(c) ? ' ' : c)]) + " ";
        var at = AreaMarkers.Select(m => (Marker: m, Index: folded.IndexOf(m, StringComparison.Ordinal))).Where(m => m.Index >= 0).OrderBy(m => m.Index).FirstOrDefault();
        if (at.Marker is null) return NewRequest.AreaNotGiven;
        // folded has one leading space more than Rest, and folding keeps every character's place.
        var start = at.Index + at.Marker.Length - 1;
        // A place is one line: "in Docks\nplease call after 5" is in Docks (a line break is no place's).
        var line = start < Rest.Length ? Rest[start..].Trim().Split('\n', '\r')[0] : "";
        var area = line.Trim().TrimEnd('.', '!', '?', ',');
        return area.Length == 0 ? NewRequest.AreaNotGiven : area[..Math.Min(area.Length, NewRequest.MaxShortText)];
    }

    /// <summary>Upper case without accents, one character for one, so "Sí" is "SI", "niños" is "NINOS" and places line up.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text) folded.Append(char.ToUpperInvariant(Base(c)));
        return folded.ToString();
    }

    /// <summary>
    /// The letter without its accent. Half of a surrogate pair (an emoji) is not a code point on its
    /// own and Normalize throws on it; it has no accent to take off, so it stays as it is.
    /// </summary>
    private static char Base(char c) => char.IsSurrogate(c) ? c : c.ToString().Normalize(NormalizationForm.FormD)[0];
}
