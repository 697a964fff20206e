using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MutualAid.Web.Localization;

/// <summary>The languages the interface is translated into, and how a request picks one.</summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>Culture name → the language's own name (a switcher must be readable by those who need it).</summary>
    public static readonly IReadOnlyDictionary<string, string> Supported = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English",
        ["es"] = "Español",
    };

    public static bool IsSupported(string? culture) => culture is not null && Supported.ContainsKey(culture);

    private static readonly Dictionary<string, CultureInfo> Cultures = Supported.Keys.ToDictionary(name => name, Made, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The culture pages, messages and texts are written in for a supported language (the default's for any other).
    /// English is .NET's "en" with one change: dates carry the month's name, day first ("6 Dec 2026",
    /// "Sunday 6 December 2026"). "en" writes 12/6/2026, which half the English-reading world reads as
    /// 12 June: a deadline misread by a week or a month in a crisis. Spanish keeps its own day-first dates.
    /// </summary>
    public static CultureInfo Culture(string? name)
    {
        // "es-ES", "es-MX": the language is the part before the region, as the request's culture falls back to it.
        var language = name?.Split('-', '_')[0];
        return Cultures[IsSupported(name) ? name! : IsSupported(language) ? language! : Default];
    }

    private static CultureInfo Made(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (name == "en")
        {
            culture.DateTimeFormat.ShortDatePattern = "d MMM yyyy";
            culture.DateTimeFormat.LongDatePattern = "dddd d MMMM yyyy";
        }
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>The two-letter name of the culture this request is served in.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The requester's language as a request records it ("Spanish"), so the board and matching read it.</summary>
    public static string CurrentLanguageName => CultureInfo.GetCultureInfo(Current).EnglishName;

    public static IServiceCollection AddMutualAidLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Keys.Select(Culture).ToList();
            o.DefaultRequestCulture = new RequestCulture(Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Chosen language (cookie, set from the account at sign-in) first, then the browser's.
            // ?lang= first: the cached public pages switch language with a link, having no form to post.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }, new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        return services;
    }

    public static void RememberInCookie(HttpResponse response, string culture)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });
    }
}
