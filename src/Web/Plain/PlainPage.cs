using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Plain;

/// <summary>
/// Small server-rendered pages with no Blazor circuit and no script: sign-in, first-run setup,
/// invitations and the public forms. They must work on an old phone over a slow connection.
/// </summary>
public static class PlainPage
{
    public static IResult Render(HttpContext http, string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($$"""
            <!DOCTYPE html>
            <html lang="{{Languages.Current}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} — MutualAid</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/plain.css"></head>
            <body><header>{{LanguageSwitcher(http)}}</header><main><h1>{{E(title)}}</h1>
            {{body}}
            </main></body></html>
            """, "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The interface text in the language this request is served in.</summary>
    public static IStringLocalizer<UiText> Text(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
    }

    /// <summary>The same switcher the board has, as a plain form: no script on these pages.</summary>
    private static string LanguageSwitcher(HttpContext http)
    {
        var t = Text(http);
        var returnUrl = SafeReturnUrl(http.Request.Path + http.Request.QueryString);
        var options = string.Concat(Languages.Supported.Select(l => $"""<option value="{l.Key}" lang="{l.Key}"{(l.Key == Languages.Current ? " selected" : "")}>{E(l.Value)}</option>"""));
        return $"""<form method="post" action="/language" class="language">{Antiforgery(http)}<input type="hidden" name="returnUrl" value="{E(returnUrl)}"><label for="culture">{E(t["Layout.Language"])}</label> <select id="culture" name="culture">{options}</select> <button type="submit">{E(t["Layout.ChangeLanguage"])}</button></form>""";
    }

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Antiforgery(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    public static string Field(string name, string label, string type = "text", string? value = null, bool required = true, string? autocomplete = null, int max = 200) =>
        $"""<label for="{name}">{E(label)}</label><input id="{name}" name="{name}" type="{type}" value="{E(value)}" maxlength="{max}"{(required ? " required" : "")}{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}>""";

    public static string Errors(IEnumerable<string> messages)
    {
        var list = messages.ToList();
        return list.Count == 0 ? "" : $"""<div class="errors" role="alert"><ul>{string.Concat(list.Select(m => $"<li>{E(m)}</li>"))}</ul></div>""";
    }

    /// <summary>
    /// A path on this site, or "/". Control characters are refused too: a browser drops a tab or a
    /// line break from a URL (so "/\t/evil.example" would leave the site), and a local redirect
    /// throws on them, which turned a good sign-in into an error page.
    /// </summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl) ? url : "/";
}
