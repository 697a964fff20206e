using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using MutualAid.Common;
using MutualAid.Offers;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Web.Hosting;
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
        app.MapGet("/ask", async (HttpContext http, IGrainFactory grains, string? hub) => AskForm(http, await Hubs(grains), new Dictionary<string, string?> { ["hub"] = hub }, []))
            .RequireRateLimiting(RateLimits.PublicForm);
        app.MapPost("/ask", async (HttpContext http, IGrainFactory grains, IAntiforgery antiforgery) =>
        {
            var (submission, problem) = await Begin(http, grains, antiforgery);
            if (problem is not null) return problem;
            var (values, hubs, errors, hub, category) = submission!.Value;
            var urgency = EnumChoice<Urgency>(values, "urgency", "Choose how urgent it is.", errors);
            CheckText(values, errors);
            if (errors.Count > 0) return AskForm(http, hubs, values, errors, StatusCodes.Status400BadRequest);
            if (!string.IsNullOrEmpty(values.GetValueOrDefault(Honeypot))) return Thanks("your request", Silo.Requests.ReferenceCode.For(Guid.NewGuid()));

            var request = new NewRequest(hub!, category, urgency, values.GetValueOrDefault("area") ?? "", values.GetValueOrDefault("need") ?? "",
                new ContactDetails(values.GetValueOrDefault("name") ?? "", Blank(values.GetValueOrDefault("phone")), Blank(values.GetValueOrDefault("email")), Blank(values.GetValueOrDefault("address"))), RequestSource.PublicForm, PublicActor)
            {
                PreferredLanguage = Blank(values.GetValueOrDefault("language")),
                AccessibilityNotes = Blank(values.GetValueOrDefault("access")),
            };
            var result = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(request);
            return result.IsOk
                ? Thanks("your request", result.Value!.ReferenceCode)
                : AskForm(http, hubs, values, result.Errors.Select(e => e.Message).DefaultIfEmpty(result.Message ?? "Please check the form."), StatusCodes.Status400BadRequest);
        }).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery(); // validated in ReadForm, so a bad token gets a page too

        app.MapGet("/offer", async (HttpContext http, IGrainFactory grains, string? hub) => OfferForm(http, await Hubs(grains), new Dictionary<string, string?> { ["hub"] = hub }, []))
            .RequireRateLimiting(RateLimits.PublicForm);
        app.MapPost("/offer", async (HttpContext http, IGrainFactory grains, IAntiforgery antiforgery) =>
        {
            var (submission, problem) = await Begin(http, grains, antiforgery);
            if (problem is not null) return problem;
            var (values, hubs, errors, hub, category) = submission!.Value;
            var kind = EnumChoice<OfferKind>(values, "kind", "Choose goods, time or space.", errors);
            if (!decimal.TryParse(values.GetValueOrDefault("quantity"), NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
            {
                errors.Add("Quantity must be a number, e.g. 20.");
            }

            CheckText(values, errors);
            if (errors.Count > 0) return OfferForm(http, hubs, values, errors, StatusCodes.Status400BadRequest);
            if (!string.IsNullOrEmpty(values.GetValueOrDefault(Honeypot))) return Thanks("your offer", Silo.Requests.ReferenceCode.For(Guid.NewGuid()));

            var offer = new NewOffer(hub!, kind, category, values.GetValueOrDefault("description") ?? "", quantity, values.GetValueOrDefault("unit") ?? "",
                new ContactDetails(values.GetValueOrDefault("name") ?? "", Blank(values.GetValueOrDefault("phone")), Blank(values.GetValueOrDefault("email")), null),
                RequestSource.PublicForm, PublicActor)
            { Area = Blank(values.GetValueOrDefault("area")) };
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IOfferGrain>(id).Create(offer);
            return result.IsOk
                ? Thanks("your offer", Silo.Requests.ReferenceCode.For(id))
                : OfferForm(http, hubs, values, result.Errors.Select(e => e.Message).DefaultIfEmpty(result.Message ?? "Please check the form."), StatusCodes.Status400BadRequest);
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
        var hub = Choice(values, "hub", hubs.Select(h => h.Slug), "Choose the hub nearest you.", errors);
        var category = EnumChoice<RequestCategory>(values, "category", "Choose what kind of help.", errors);
        return ((values, hubs, errors, hub, category), null);
    }

    /// <summary>
    /// Reads the form ourselves so that every way a submission can be wrong (too big, garbled,
    /// expired antiforgery token) gets a plain page that says so, never a framework error.
    /// </summary>
    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadForm(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.Request.ContentLength > MaxBodyBytes) return (null, TooLong());
        try
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return (null, Render("Please send it again", Errors(["This form was open too long or came from elsewhere. Go back, reload the page and send it again."]), StatusCodes.Status400BadRequest));
            }

            return (await http.Request.ReadFormAsync(), null);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException or AntiforgeryValidationException)
        {
            return (null, ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? TooLong()
                : Render("Please check the form", Errors(["The form could not be read. Go back and send it again."]), StatusCodes.Status400BadRequest));
        }
    }

    private static IResult TooLong() =>
        Render("Too long", Errors([$"That is more than we can take in one form ({MaxBodyBytes / 1024} KB). Please shorten it, or phone your hub."]), StatusCodes.Status413PayloadTooLarge);

    private static Dictionary<string, string?> Values(IFormCollection form) =>
        form.Keys.Where(k => k.Length < 40).ToDictionary(k => k, k => (string?)form[k].ToString(), StringComparer.Ordinal);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Control characters have no business in a name or an address and often mean an attack.</summary>
    private static void CheckText(Dictionary<string, string?> values, List<string> errors)
    {
        foreach (var (key, value) in values)
        {
            if (value is null || key.StartsWith("__", StringComparison.Ordinal)) continue;
            if (value.Length > 4000) errors.Add($"The {key} field is far too long.");
            else if (value.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t')) errors.Add($"The {key} field contains characters that are not allowed.");
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

    private static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected) =>
        $"""<label for="{name}">{E(label)}</label><select id="{name}" name="{name}" required><option value="">Choose…</option>{string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Text)}</option>"))}</select>""";

    private static IEnumerable<(string, string)> Options<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => (v.ToString(), v.ToString()));

    private static string V(Dictionary<string, string?> values, string key) => values.GetValueOrDefault(key) ?? "";

    private static IResult AskForm(HttpContext http, IReadOnlyList<(string Slug, string Name)> hubs, Dictionary<string, string?> v, IEnumerable<string> errors, int status = 200) =>
        Render("Ask for help", $"""
            <p>No account needed. A coordinator from your hub will contact you. Your phone number and address are only seen by the people arranging and bringing help.</p>
            {Errors(errors)}
            <form method="post" action="/ask">
            {Antiforgery(http)}
            {Select("hub", "Your area's hub", hubs.Select(h => (h.Slug, h.Name)), v.GetValueOrDefault("hub"))}
            {Select("category", "What kind of help", Options<RequestCategory>(), v.GetValueOrDefault("category"))}
            {Select("urgency", "How urgent", Options<Urgency>(), v.GetValueOrDefault("urgency") ?? "Normal")}
            <label for="need">What do you need?</label><textarea id="need" name="need" maxlength="2000" required>{E(V(v, "need"))}</textarea>
            {Field("area", "Street or area (not your full address)", value: V(v, "area"))}
            {Field("name", "Your name", value: V(v, "name"), max: 200)}
            {Field("phone", "Phone", "tel", V(v, "phone"), required: false, max: 40)}
            {Field("email", "Email", "email", V(v, "email"), required: false)}
            {Field("address", "Address for a delivery (private)", value: V(v, "address"), required: false)}
            {Field("language", "Language you prefer", value: V(v, "language"), required: false, max: 40)}
            {Field("access", "Anything we should know to reach you (private)", value: V(v, "access"), required: false, max: 2000)}
            <div class="hp" aria-hidden="true"><label for="{Honeypot}">Leave this empty</label><input id="{Honeypot}" name="{Honeypot}" tabindex="-1" autocomplete="off"></div>
            <button type="submit">Send</button>
            </form>
            """, status);

    private static IResult OfferForm(HttpContext http, IReadOnlyList<(string Slug, string Name)> hubs, Dictionary<string, string?> v, IEnumerable<string> errors, int status = 200) =>
        Render("Offer help", $"""
            <p>No account needed. Tell us what you can give; your hub will be in touch when it is needed.</p>
            {Errors(errors)}
            <form method="post" action="/offer">
            {Antiforgery(http)}
            {Select("hub", "Your area's hub", hubs.Select(h => (h.Slug, h.Name)), v.GetValueOrDefault("hub"))}
            {Select("kind", "What you offer", Options<OfferKind>(), v.GetValueOrDefault("kind"))}
            {Select("category", "Kind of help", Options<RequestCategory>(), v.GetValueOrDefault("category"))}
            <label for="description">Describe it</label><textarea id="description" name="description" maxlength="2000" required>{E(V(v, "description"))}</textarea>
            {Field("quantity", "How much (a number)", "text", V(v, "quantity") is { Length: > 0 } q ? q : "1", max: 12)}
            {Field("unit", "Unit (kg, boxes, hours, rooms)", value: V(v, "unit"), max: 40)}
            {Field("area", "Street or area", value: V(v, "area"), required: false)}
            {Field("name", "Your name", value: V(v, "name"))}
            {Field("phone", "Phone", "tel", V(v, "phone"), required: false, max: 40)}
            {Field("email", "Email", "email", V(v, "email"), required: false)}
            <div class="hp" aria-hidden="true"><label for="{Honeypot}">Leave this empty</label><input id="{Honeypot}" name="{Honeypot}" tabindex="-1" autocomplete="off"></div>
            <button type="submit">Send</button>
            </form>
            """, status);

    private static IResult Thanks(string what, string reference) =>
        Render("Thank you", $"""<div class="ok" role="status"><p>We have {E(what)}. Your reference is <strong data-testid="reference">{E(reference)}</strong>; quote it if you phone your hub.</p></div><p><a href="/ask">Ask for help</a> · <a href="/offer">Offer help</a></p>""");
}
