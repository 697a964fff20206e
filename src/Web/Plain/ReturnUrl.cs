namespace MutualAid.Web.Plain;

public static class ReturnUrl
{
    /// <summary>
    /// A path on this site, or "/". Control characters are refused too: a browser drops a tab or a
    /// line break from a URL (so "/\t/evil.example" would leave the site), and a local redirect
    /// throws on them, which turned a good sign-in into an error page.
    /// </summary>
    public static string Safe(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl) ? url : "/";
}
