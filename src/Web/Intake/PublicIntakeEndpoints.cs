using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Intake;

/// <summary>
/// /ask and /offer: no account, no script, a few KB, rate-limited per client, strictly validated.
/// A filled honeypot field gets the same thank-you page but nothing is stored.
/// </summary>
public static class PublicIntakeEndpoints
{
    /// <summary>The characters a person can type into /ask, the longer form, at every field's maxlength.</summary>
    internal const int LongestFormChars =
        (2 * NewRequest.MaxNeedLength) // need, access
        + (4 * NewRequest.MaxShortText) // area, name, email, address
        + (2 * ShortField) // phone, language
        + NamedArea.MaxNameLength; // place

    /// <summary>
    /// Derived from the fields' own limits, so a form filled to its maxlengths in any script is taken:
    /// outside ASCII a character is up to 3 UTF-8 bytes, each percent-encoded as 9 bytes (an emoji is
    /// 4 bytes for 2 characters, less per character). The spare 4 KB covers field names, the choices
    /// and the antiforgery token. Still a cap, so a bot cannot make the server buffer much.
    /// </summary>
    public const int MaxBodyBytes = (LongestFormChars * 9) + (4 * 1024);

    /// <summary>The maxlength of the phone, language and unit fields.</summary>
    public const int ShortField = 40;

    public const string Honeypot = "website";

    public static void MapPublicIntake(this WebApplication app)
    {
        // Only submissions are counted (see RateLimits): many people share one address and reading costs nothing.
        app.MapGet("/ask", AskForm);
        // Antiforgery is checked in ReadForm, so a bad token gets a page too.
        app.MapPost("/ask", Ask).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
        app.MapGet("/offer", OfferForm);
        app.MapPost("/offer", Offer).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
    }

    public static async Task<RazorComponentResult<AskPage>> AskForm(IGrainFactory grains, string? hub) =>
        AskPage(await Hubs(grains), IntakeForm.ForHub(hub), []);

    public static async Task<RazorComponentResult<OfferPage>> OfferForm(IGrainFactory grains, string? hub) =>
        OfferPage(await Hubs(grains), IntakeForm.ForHub(hub), []);

    public static async Task<Results<RazorComponentResult<ThanksPage>, RazorComponentResult<AskPage>, RazorComponentResult<MessagePage>>> Ask(
        HttpContext http, IGrainFactory grains, IAntiforgery antiforgery, IStringLocalizer<UiText> t)
    {
        var (submission, problem) = await Begin(http, grains, antiforgery, t);
        if (problem is not null) return problem;
        var (form, hubs, errors, hub, category) = submission!.Value;
        var urgency = EnumChoice<Urgency>(form, "urgency", t["Public.ChooseUrgency"], errors);
        var area = Place(form, hubs, hub, t, errors);
        CheckText(t, form, errors);
        if (errors.Count > 0) return AskPage(hubs, form, errors, StatusCodes.Status400BadRequest);
        if (!string.IsNullOrEmpty(form.Value(Honeypot))) return Thanks(t["Public.YourRequest"], Silo.Requests.ReferenceCode.For(Guid.NewGuid()));

        var request = new NewRequest(hub!, category, urgency, area ?? "", form.Value("need") ?? "",
            new ContactDetails(form.Value("name") ?? "", form.Given("phone"), form.Given("email"), form.Given("address")), RequestSource.PublicForm, AppActors.PublicForm)
        {
            // Left blank, the language this form was read in is the best guess there is.
            PreferredLanguage = form.Given("language") ?? Languages.CurrentLanguageName,
            AccessibilityNotes = form.Given("access"),
        };
        var result = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(request);
        return result.IsOk
            ? Thanks(t["Public.YourRequest"], result.Value!.ReferenceCode)
            : AskPage(hubs, form, Refusal(t, result), StatusCodes.Status400BadRequest);
    }

    public static async Task<Results<RazorComponentResult<ThanksPage>, RazorComponentResult<OfferPage>, RazorComponentResult<MessagePage>>> Offer(
        HttpContext http, IGrainFactory grains, IAntiforgery antiforgery, IStringLocalizer<UiText> t)
    {
        var (submission, problem) = await Begin(http, grains, antiforgery, t);
        if (problem is not null) return problem;
        var (form, hubs, errors, hub, category) = submission!.Value;
        var kind = EnumChoice<OfferKind>(form, "kind", t["Public.ChooseKind"], errors);
        var quantity = Quantity(form.Value("quantity"));
        if (quantity is null) errors.Add(t["Public.QuantityNumber"]);

        var area = Place(form, hubs, hub, t, errors);
        CheckText(t, form, errors);
        if (errors.Count > 0) return OfferPage(hubs, form, errors, StatusCodes.Status400BadRequest);
        if (!string.IsNullOrEmpty(form.Value(Honeypot))) return Thanks(t["Public.YourOffer"], Silo.Requests.ReferenceCode.For(Guid.NewGuid()));

        var offer = new NewOffer(hub!, kind, category, form.Value("description") ?? "", quantity ?? 0, form.Value("unit") ?? "",
            new ContactDetails(form.Value("name") ?? "", form.Given("phone"), form.Given("email"), null), RequestSource.PublicForm, AppActors.PublicForm)
        { Area = area };
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IOfferGrain>(id).Create(offer);
        return result.IsOk
            ? Thanks(t["Public.YourOffer"], Offers.OfferDesk.ReferenceOf(id))
            : OfferPage(hubs, form, Refusal(t, result), StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// "How much" as the person meant it: "2,5" and "2.5" are two and a half in either language, as
    /// people type either mark. A group separator is never read, since the culture's grouping made
    /// "2.5" twenty-five in Spanish; one mark followed by exactly three digits ("1.000", "1,000") is a
    /// thousand to some readers and one to others, so it is asked again rather than guessed.
    /// </summary>
    internal static decimal? Quantity(string? typed)
    {
        var text = typed?.Trim() ?? "";
        var mark = text.IndexOfAny(['.', ',']);
        if (mark >= 0 && (text.LastIndexOfAny(['.', ',']) != mark || text.Length - mark - 1 == 3)) return null;
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
            ? quantity : null;
    }

    /// <summary>What both forms ask first: a readable form, the hub chosen from the real ones, and the kind of help.</summary>
    private static async Task<((IntakeForm Form, IReadOnlyList<PublicHub> Hubs, List<string> Errors, string? Hub, RequestCategory Category)? Submission, RazorComponentResult<MessagePage>? Problem)> Begin(
        HttpContext http, IGrainFactory grains, IAntiforgery antiforgery, IStringLocalizer<UiText> t)
    {
        var (form, problem) = await ReadForm(http, antiforgery, t);
        if (problem is not null) return (null, problem);
        var hubs = await Hubs(grains);
        var errors = new List<string>();
        var hub = Choice(form!, "hub", hubs.Select(h => h.Slug), t["Public.ChooseHub"], errors);
        var category = EnumChoice<RequestCategory>(form!, "category", t["Public.ChooseCategory"], errors);
        return ((form!, hubs, errors, hub, category), null);
    }

    /// <summary>
    /// Reads the form ourselves so that every way a submission can be wrong (too big, garbled,
    /// expired antiforgery token) gets a plain page that says so, never a framework error.
    /// </summary>
    internal static async Task<(IntakeForm? Form, RazorComponentResult<MessagePage>? Problem)> ReadForm(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t)
    {
        if (http.Request.ContentLength > MaxBodyBytes) return (null, TooLong(t));
        // A chunked body has no length to check up front: the server counts the bytes as they are read
        // and stops at the cap with a 413.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap) cap.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            // Read here rather than inside the antiforgery check, which would wrap a body over the cap as a bad token.
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            if (form is null || !await antiforgery.IsRequestValidAsync(http)) return (null, MessagePages.SendAgain(t));
            return (IntakeForm.Of(form), null);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException or AntiforgeryValidationException)
        {
            return (null, ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? TooLong(t)
                : MessagePages.Unreadable(t));
        }
    }

    private static RazorComponentResult<MessagePage> TooLong(IStringLocalizer<UiText> t) =>
        MessagePages.Alert(t["Public.TooLong"], t["Public.TooLongText", MaxBodyBytes / 1024], StatusCodes.Status413PayloadTooLarge);

    /// <summary>What the grain refused, field by field, in the reader's language.</summary>
    private static List<string> Refusal<T>(IStringLocalizer<UiText> t, Result<T> result) =>
        result.Errors.Count > 0 ? result.Errors.Select(t.Say).ToList()
        : [result.Said is { } said ? t.Say(said) : result.Message ?? t["Public.CheckForm"]];

    /// <summary>
    /// Control characters have no business in a name or an address and often mean an attack: the
    /// grains' own rule, checked here on every field (hidden ones too) so the page can name the field.
    /// </summary>
    private static void CheckText(IStringLocalizer<UiText> t, IntakeForm form, List<string> errors)
    {
        foreach (var (key, value) in form.Values)
        {
            if (value is null || key.StartsWith("__", StringComparison.Ordinal)) continue;
            if (value.Length > 4000) errors.Add(t["Public.FieldTooLong", FieldName(t, key)]);
            else if (!Common.Text.IsClean(value, multiLine: key is "need" or "description" or "access" or "address")) errors.Add(t["Public.FieldBadCharacters", FieldName(t, key)]);
        }
    }

    /// <summary>
    /// A field as the forms label it, in the reader's language: the form's own keys are not words a
    /// person reads. A key no form has (only a bot sends one) stays as it came.
    /// </summary>
    private static string FieldName(IStringLocalizer<UiText> t, string key) => key switch
    {
        "hub" => t["Public.Hub"],
        "kind" => t["Public.WhatYouOffer"],
        "category" => t["Public.KindOfHelp"],
        "urgency" => t["Public.HowUrgent"],
        "need" => t["Public.WhatNeed"],
        "description" => t["Public.Describe"],
        "quantity" => t["Public.HowMuch"],
        "unit" => t["Public.Unit"],
        "area" => t["Public.Area"],
        "place" => t["Public.Place"],
        "name" => t["Public.YourName"],
        "phone" => t["Intake.Phone"],
        "email" => t["Public.Email"],
        "address" => t["Public.DeliveryAddress"],
        "language" => t["Public.LanguageYouPrefer"],
        "access" => t["Public.Access"],
        _ => key,
    };

    /// <summary>
    /// The place the person chose from the hub's named areas, else what they typed. Only the name is
    /// read: the grain gives a named area its point, so a public form never sets a position itself.
    /// </summary>
    private static string? Place(IntakeForm form, IReadOnlyList<PublicHub> hubs, string? hub, IStringLocalizer<UiText> t, List<string> errors)
    {
        if (form.Given("place") is not { } place) return form.Given("area");
        if (NamedArea.Find(hubs.FirstOrDefault(h => h.Slug == hub)?.Areas, place) is { } named) return named.Name;
        // Only worth saying when the hub was valid: an unknown hub is already reported.
        if (hub is not null) errors.Add(t["Public.PlaceNotInHub"]);
        return null;
    }

    private static string? Choice(IntakeForm form, string key, IEnumerable<string> allowed, string message, List<string> errors)
    {
        var value = form.Value(key);
        if (value is not null && allowed.Contains(value, StringComparer.Ordinal)) return value;
        errors.Add(message);
        return null;
    }

    private static T EnumChoice<T>(IntakeForm form, string key, string message, List<string> errors) where T : struct, Enum
    {
        var value = form.Value(key);
        if (value is not null && !int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        errors.Add(message);
        return default;
    }

    /// <summary>
    /// Every hub with its named areas, from the regions' overviews: the page costs one call per
    /// region however many hubs and areas there are.
    /// </summary>
    private static async Task<IReadOnlyList<PublicHub>> Hubs(IGrainFactory grains)
    {
        var list = new List<PublicHub>();
        foreach (var region in await grains.GetGrain<INetworkGrain>(0).GetRegions())
        {
            if (await grains.GetGrain<IRegionGrain>(region.Slug).GetOverview() is { } overview)
            {
                // Summaries kept before areas existed load with none.
                list.AddRange(overview.Hubs.Select(h => new PublicHub(h.Slug, $"{h.Name} ({overview.Name})", h.Areas ?? [])));
            }
        }

        return list;
    }

    private static RazorComponentResult<AskPage> AskPage(IReadOnlyList<PublicHub> hubs, IntakeForm form, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Hubs = hubs, Form = form, Errors = errors }) { StatusCode = status };

    private static RazorComponentResult<OfferPage> OfferPage(IReadOnlyList<PublicHub> hubs, IntakeForm form, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Hubs = hubs, Form = form, Errors = errors }) { StatusCode = status };

    private static RazorComponentResult<ThanksPage> Thanks(string what, string reference) => new(new { What = what, Reference = reference });
}
