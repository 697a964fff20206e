namespace MutualAid.Web.Users;

/// <summary>
/// Gives every browser a stable anonymous id and a display name, so the audit trail and presence
/// can say who did what before sign-in exists. Not a security boundary.
/// </summary>
public sealed class ViewerCookie(RequestDelegate next)
{
    public const string Name = "ma-viewer";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.ContainsKey(Name))
        {
            var id = Guid.NewGuid().ToString("N");
            var value = Write(id, "Guest " + id[..4].ToUpperInvariant());
            context.Response.Cookies.Append(Name, value, Options(context));
            // Make it visible to this very request, so the first page already knows the viewer.
            context.Request.Headers.Append("Cookie", $"{Name}={value}");
        }

        await next(context);
    }

    public static (string Id, string Name) Read(string? cookie)
    {
        var parts = Uri.UnescapeDataString(cookie ?? "").Split('|', 2);
        var id = parts.Length == 2 && parts[0].Length is > 0 and <= 64 ? parts[0] : "anonymous";
        var name = parts.Length == 2 ? Clean(parts[1]) : "";
        return (id, name.Length == 0 ? "Guest" : name);
    }

    public static string Write(string id, string name) => Uri.EscapeDataString($"{id}|{Clean(name)}");

    public static string Clean(string name)
    {
        var kept = new string(name.Where(c => !char.IsControl(c) && c != '|').ToArray()).Trim();
        return kept.Length > 40 ? kept[..40] : kept;
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = false, // the name box in the page updates it
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        IsEssential = true,
    };
}

public static class ViewerNameEndpoint
{
    /// <summary>GET-free rename: the page posts the new name (with antiforgery) and gets the cookie back.</summary>
    public static void MapViewerName(this WebApplication app) =>
        app.MapPost("/viewer/name", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string name, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var (id, _) = ViewerCookie.Read(context.Request.Cookies[ViewerCookie.Name]);
            var clean = ViewerCookie.Clean(name);
            if (clean.Length == 0) return Results.BadRequest("Enter a name.");
            context.Response.Cookies.Append(ViewerCookie.Name, ViewerCookie.Write(id, clean), new CookieOptions
            {
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
            });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        });
}
