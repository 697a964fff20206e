using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using MutualAid.Common;
using MutualAid.Offers;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Web.Hosting;
using MutualAid.Web.Localization;
using static MutualAid.Web.Plain.PlainPage;

namespace MutualAid.Web.Intake;

/// <summary>
/// /ask and /offer: no account, no script, a few KB, rate-limited per client, strictly validated.
/// A filled honeypot field gets the same thank-you page but nothing is stored.
/// </summary>
public static class PublicIntakeEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;
    public const string Honeypot = "website";
    private static readonly Actor PublicActor = new("public-form", "Public form");

    public static void MapPublicIntake(this WebApplication app)
    {
        // Only submissions are counted (see RateLimits): many people share one address and reading costs nothing.
        app.MapGet("/ask", async (HttpContext http, IGrainFactory grains, string? hub) => AskForm(http, await Hubs(grains), new Dictionary<string, string?> { ["hub"] = hub }, []));
        app.MapPost("/ask", async (HttpContext http, IGrainFactory grains, IAntiforgery antiforgery) =>
        {
            var (submission, problem) = await Begin(http, grains, antiforgery);
            if (problem is not null) return problem;
            var (values, hubs, errors, hub, category) = submission!.Value;
            var t = Text(http);
            var urgency = EnumChoice<Urgency>(values, "urgency", t["Public.ChooseUrgency"], errors);
            CheckText(t, values, errors);
            if (errors.Count > 0) return AskForm(http, hubs, values, errors, StatusCodes.Status400BadRequest);
            if (!string.IsNullOrEmpty(values.GetValueOrDefault(Honeypot))) return Thanks(http, t["Public.YourRequest"], Silo.Requests.ReferenceCode.For(Guid.NewGuid()));

            var request = new NewRequest(hub!, category, urgency, values.GetValueOrDefault("area") ?? "", values.GetValueOrDefault("need") ?? "",
                new ContactDetails(values.GetValueOrDefault("name") ?? "", Blank(values.GetValueOrDefault("phone")), Blank(values.GetValueOrDefault("email")), Blank(values.GetValueOrDefault("address"))), RequestSource.PublicForm, PublicActor)
            {
                // Left blank, the language this form was read in is the best guess there is.
                PreferredLanguage = Blank(values.GetValueOrDefault("language")) ?? Languages.CurrentLanguageName,
                AccessibilityNotes = Blank(values.GetValueOrDefault("access")),
            };
            var result = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(request);
            return result.IsOk
                ? Thanks(http, t["Public.YourRequest"], result.Value!.ReferenceCode)
                : AskForm(http, hubs, values, result.Errors.Select(t.Say).DefaultIfEmpty(result.Message ?? t["Public.CheckForm"]), StatusCodes.Status400BadRequest);
        }).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery(); // validated in ReadForm, so a bad token gets a page too

        app.MapGet("/offer", async (HttpContext http, IGrainFactory grains, string? hub) => OfferForm(http, await Hubs(grains), new Dictionary<string, string?> { ["hub"] = hub }, []));
        app.MapPost("/offer", async (HttpContext http, IGrainFactory grains, IAntiforgery antiforgery) =>
        {
            var (submission, problem) = await Begin(http, grains, antiforgery);
            if (problem is not null) return problem;
            var (values, hubs, errors, hub, category) = submission!.Value;
            var t = Text(http);
            var kind = EnumChoice<OfferKind>(values, "kind", t["Public.ChooseKind"], errors);
            // "2,5" in Spanish and "2.5" in English both mean two and a half.
            if (!decimal.TryParse(values.GetValueOrDefault("quantity"), NumberStyles.Number, CultureInfo.CurrentCulture, out var quantity)
                && !decimal.TryParse(values.GetValueOrDefault("quantity"), NumberStyles.Number, CultureInfo.InvariantCulture, out quantity))
            {
                errors.Add(t["Public.QuantityNumber"]);
            }

            CheckText(t, values, errors);
            if (errors.Count > 0) return OfferForm(http, hubs, values, errors, StatusCodes.Status400BadRequest);
            if (!string.IsNullOrEmpty(values.GetValueOrDefault(Honeypot))) return Thanks(http, t["Public.YourOffer"], Silo.Requests.ReferenceCode.For(Guid.NewGuid()));

            var offer = new NewOffer(hub!, kind, category, values.GetValueOrDefault("description") ?? "", quantity, values.GetValueOrDefault("unit") ?? "",
                new ContactDetails(values.GetValueOrDefault("name") ?? "", Blank(values.GetValueOrDefault("phone")), Blank(values.GetValueOrDefault("email")), null),
                RequestSource.PublicForm, PublicActor)
            { Area = Blank(values.GetValueOrDefault("area")) };
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IOfferGrain>(id).Create(offer);
            return result.IsOk
                ? Thanks(http, t["Public.YourOffer"], Silo.Requests.ReferenceCode.For(id))
                : OfferForm(http, hubs, values, result.Errors.Select(t.Say).DefaultIfEmpty(result.Message ?? t["Public.CheckForm"]), StatusCodes.Status400BadRequest);
        }).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery(); // validated in ReadForm, so a bad token gets a page too
    }

    /// <summary>What both forms ask first: a readable form, the hub chosen from the real ones, and the kind of help.</summary>
    private static async Task<((Dictionary<string, string?> Values, IReadOnlyList<(string Slug, string Name)> Hubs, List<string> Errors, string? Hub, RequestCategory Category)? Submission, IResult? Problem)> Begin(
        HttpContext http, IGrainFactory grains, IAntiforgery antiforgery)
    {
        var (form, problem) = await ReadForm(http, antiforgery);
        if (problem is not null) return (null, problem);
        var values = Values(form!);
        var hubs = await Hubs(grains);
        var errors = new List<string>();
        var t = Text(http);
        var hub = Choice(values, "hub", hubs.Select(h => h.Slug), t["Public.ChooseHub"], errors);
        var category = EnumChoice<RequestCategory>(values, "category", t["Public.ChooseCategory"], errors);
        return ((values, hubs, errors, hub, category), null);
    }

    /// <summary>
    /// Reads the form ourselves so that every way a submission can be wrong (too big, garbled,
    /// expired antiforgery token) gets a plain page that says so, never a framework error.
    /// </summary>
    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadForm(HttpContext http, IAntiforgery antiforgery)
    {
        var t = Text(http);
        if (http.Request.ContentLength > MaxBodyBytes) return (null, TooLong(http));
        // A chunked body has no length to check up front: the server counts the bytes as they are read
        // and stops at the cap with a 413.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap) cap.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            // Read here rather than inside the antiforgery check, which would wrap a body over the cap as a bad token.
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            if (form is null || !await antiforgery.IsRequestValidAsync(http))
            {
                return (null, Render(http, t["Public.SendAgain"], Errors([t["Public.SendAgainText"]]), StatusCodes.Status400BadRequest));
            }

            return (form, null);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException or AntiforgeryValidationException)
        {
            return (null, ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? TooLong(http)
                : Render(http, t["Public.CheckForm"], Errors([t["Public.Unreadable"]]), StatusCodes.Status400BadRequest));
        }
    }

    private static IResult TooLong(HttpContext http) =>
        Render(http, Text(http)["Public.TooLong"], Errors([Text(http)["Public.TooLongText", MaxBodyBytes / 1024]]), StatusCodes.Status413PayloadTooLarge);

    private static Dictionary<string, string?> Values(IFormCollection form) =>
        form.Keys.Where(k => k.Length < 40).ToDictionary(k => k, k => (string?)form[k].ToString(), StringComparer.Ordinal);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// Control characters have no business in a name or an address and often mean an attack: the
    /// grains' own rule, checked here on every field (hidden ones too) so the page can name the field.
    /// </summary>
    private static void CheckText(Microsoft.Extensions.Localization.IStringLocalizer<UiText> t, Dictionary<string, string?> values, List<string> errors)
    {
        foreach (var (key, value) in values)
        {
            if (value is null || key.StartsWith("__", StringComparison.Ordinal)) continue;
            if (value.Length > 4000) errors.Add(t["Public.FieldTooLong", key]);
            else if (!Common.Text.IsClean(value, multiLine: key is "need" or "description" or "access" or "address")) errors.Add(t["Public.FieldBadCharacters", key]);
        }
    }

    private static string? Choice(Dictionary<string, string?> values, string key, IEnumerable<string> allowed, string message, List<string> errors)
    {
        var value = values.GetValueOrDefault(key);
        if (value is not null && allowed.Contains(value, StringComparer.Ordinal)) return value;
        errors.Add(message);
        return null;
    }

    private static T EnumChoice<T>(Dictionary<string, string?> values, string key, string message, List<string> errors) where T : struct, Enum
    {
        var value = values.GetValueOrDefault(key);
        if (value is not null && !int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        errors.Add(message);
        return default;
    }

    private static async Task<IReadOnlyList<(string Slug, string Name)>> Hubs(IGrainFactory grains)
    {
        var list = new List<(string, string)>();
        foreach (var region in await grains.GetGrain<INetworkGrain>(0).GetRegions())
        {
            if (await grains.GetGrain<IRegionGrain>(region.Slug).GetOverview() is { } overview)
            {
                list.AddRange(overview.Hubs.Select(h => (h.Slug, $"{h.Name} ({overview.Name})")));
            }
        }

        return list;
    }

    private static string Select(HttpContext http, string name, string label, IEnumerable<(string Value, string Text)> options, string? selected) =>
        $"""<label for="{name}">{E(label)}</label><select id="{name}" name="{name}" required><option value="">{E(Text(http)["Public.Choose"])}</option>{string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Text)}</option>"))}</select>""";

    private static IEnumerable<(string, string)> Options<T>(HttpContext http) where T : struct, Enum => Enum.GetValues<T>().Select(v => (v.ToString(), Text(http).Word(v)));

    private static string V(Dictionary<string, string?> values, string key) => values.GetValueOrDefault(key) ?? "";

    private static IResult AskForm(HttpContext http, IReadOnlyList<(string Slug, string Name)> hubs, Dictionary<string, string?> v, IEnumerable<string> errors, int status = 200)
    {
        var t = Text(http);
        return Render(http, t["Public.AskTitle"], $"""
            <p>{E(t["Public.AskIntro"])}</p>
            {Errors(errors)}
            <form method="post" action="/ask">
            {Antiforgery(http)}
            {Select(http, "hub", t["Public.Hub"], hubs.Select(h => (h.Slug, h.Name)), v.GetValueOrDefault("hub"))}
            {Select(http, "category", t["Public.WhatKind"], Options<RequestCategory>(http), v.GetValueOrDefault("category"))}
            {Select(http, "urgency", t["Public.HowUrgent"], Options<Urgency>(http), v.GetValueOrDefault("urgency") ?? "Normal")}
            <label for="need">{E(t["Public.WhatNeed"])}</label><textarea id="need" name="need" maxlength="2000" required>{E(V(v, "need"))}</textarea>
            {Field("area", t["Public.AreaNotAddress"], value: V(v, "area"))}
            {Field("name", t["Public.YourName"], value: V(v, "name"), max: 200)}
            {Field("phone", t["Intake.Phone"], "tel", V(v, "phone"), required: false, max: 40)}
            {Field("email", t["Public.Email"], "email", V(v, "email"), required: false)}
            {Field("address", t["Public.DeliveryAddress"], value: V(v, "address"), required: false)}
            {Field("language", t["Public.LanguageYouPrefer"], value: V(v, "language"), required: false, max: 40)}
            {Field("access", t["Public.Access"], value: V(v, "access"), required: false, max: 2000)}
            {HoneypotField(t)}
            <button type="submit">{E(t["Public.Send"])}</button>
            </form>
            """, status);
    }

    private static IResult OfferForm(HttpContext http, IReadOnlyList<(string Slug, string Name)> hubs, Dictionary<string, string?> v, IEnumerable<string> errors, int status = 200)
    {
        var t = Text(http);
        return Render(http, t["Public.OfferTitle"], $"""
            <p>{E(t["Public.OfferIntro"])}</p>
            {Errors(errors)}
            <form method="post" action="/offer">
            {Antiforgery(http)}
            {Select(http, "hub", t["Public.Hub"], hubs.Select(h => (h.Slug, h.Name)), v.GetValueOrDefault("hub"))}
            {Select(http, "kind", t["Public.WhatYouOffer"], Options<OfferKind>(http), v.GetValueOrDefault("kind"))}
            {Select(http, "category", t["Public.KindOfHelp"], Options<RequestCategory>(http), v.GetValueOrDefault("category"))}
            <label for="description">{E(t["Public.Describe"])}</label><textarea id="description" name="description" maxlength="2000" required>{E(V(v, "description"))}</textarea>
            {Field("quantity", t["Public.HowMuch"], "text", V(v, "quantity") is { Length: > 0 } q ? q : "1", max: 12)}
            {Field("unit", t["Public.Unit"], value: V(v, "unit"), max: 40)}
            {Field("area", t["Public.Area"], value: V(v, "area"), required: false)}
            {Field("name", t["Public.YourName"], value: V(v, "name"))}
            {Field("phone", t["Intake.Phone"], "tel", V(v, "phone"), required: false, max: 40)}
            {Field("email", t["Public.Email"], "email", V(v, "email"), required: false)}
            {HoneypotField(t)}
            <button type="submit">{E(t["Public.Send"])}</button>
            </form>
            """, status);
    }

    private static string HoneypotField(Microsoft.Extensions.Localization.IStringLocalizer<UiText> t) =>
        $"""<div class="hp" aria-hidden="true"><label for="{Honeypot}">{E(t["Public.LeaveEmpty"])}</label><input id="{Honeypot}" name="{Honeypot}" tabindex="-1" autocomplete="off"></div>""";

    private static IResult Thanks(HttpContext http, string what, string reference)
    {
        var t = Text(http);
        return Render(http, t["Public.ThankYou"], $"""<div class="ok" role="status"><p>{E(t["Public.WeHave", what])} <strong data-testid="reference">{E(reference)}</strong>{E(t["Public.QuoteIt"])}</p></div><p><a href="/ask">{E(t["Public.AskTitle"])}</a> · <a href="/offer">{E(t["Public.OfferTitle"])}</a></p>""");
    }
}
