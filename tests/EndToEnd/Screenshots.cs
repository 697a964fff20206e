namespace MutualAid.EndToEnd;

/// <summary>
/// Where the browser tests leave pictures of what they saw: outside the working tree, so a test run
/// never changes a tracked file. `docs/refresh-screenshots.sh` points it at docs/screenshots to
/// refresh the README's pictures on purpose.
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "MUTUALAID_SCREENSHOTS";

    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } chosen
                ? Path.GetFullPath(chosen, Repository.Root)
                : Path.Combine(Path.GetTempPath(), "mutualaid-screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Saves a PNG of the page and returns its path.</summary>
    public static async Task<string> Save(IPage page, string name, bool fullPage = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Folder, name + ".png");
        // On a busy machine the icon font can still be loading: a picture taken then spells the icons' names.
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }
}
