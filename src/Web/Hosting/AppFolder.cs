namespace MutualAid.Web.Hosting;

/// <summary>
/// Where the app reads its settings and static files from. ASP.NET Core takes the folder it was
/// started in; an operator who runs <c>dotnet /opt/aid/MutualAid.Web.dll</c> from anywhere else
/// (a service unit without a working directory, a shell in their home) got blank pages: every
/// script and style sheet answered 200 with nothing in it, and appsettings.json was not read.
/// </summary>
public static class AppFolder
{
    private const string Settings = "appsettings.json";

    /// <summary>
    /// The app's own folder when the folder it was started in does not hold the app and no content
    /// root was named (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>);
    /// otherwise null, which leaves ASP.NET Core's choice (so <c>dotnet run</c> is unchanged).
    /// </summary>
    public static string? ContentRoot(IReadOnlyList<string> args, string startedIn, string appFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var named = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (named || File.Exists(Path.Combine(startedIn, Settings))) return null;
        return File.Exists(Path.Combine(appFolder, Settings)) ? appFolder : null;
    }

    /// <summary>As <see cref="ContentRoot(IReadOnlyList{string}, string, string, Func{string, string?})"/> for this process.</summary>
    public static string? ContentRoot(IReadOnlyList<string> args) =>
        ContentRoot(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable);
}
