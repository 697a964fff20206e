using MutualAid.Web.Hosting;

namespace MutualAid.Web.Tests.Hosting;

/// <summary>The app finds its own folder when started from another, and leaves every other choice to ASP.NET Core.</summary>
public sealed class AppFolderTests : IDisposable
{
    private readonly string app = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mutualaid-app-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly string elsewhere = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mutualaid-elsewhere-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public AppFolderTests() => File.WriteAllText(Path.Combine(app, "appsettings.json"), "{}");

    private static string? None(string name) => null;

    [Fact]
    public void Started_from_a_folder_without_the_app_it_reads_from_its_own()
    {
        Assert.Equal(app, AppFolder.ContentRoot([], elsewhere, app, None));
    }

    [Fact]
    public void Started_in_its_own_folder_or_with_a_named_root_the_choice_is_left_alone()
    {
        Assert.Null(AppFolder.ContentRoot([], app, app, None));
        Assert.Null(AppFolder.ContentRoot(["--contentRoot", "/srv/aid"], elsewhere, app, None));
        Assert.Null(AppFolder.ContentRoot(["--contentroot=/srv/aid"], elsewhere, app, None));
        Assert.Null(AppFolder.ContentRoot([], elsewhere, app, n => n == "ASPNETCORE_CONTENTROOT" ? "/srv/aid" : null));
        Assert.Null(AppFolder.ContentRoot([], elsewhere, app, n => n == "DOTNET_CONTENTROOT" ? "/srv/aid" : null));
        Assert.Null(AppFolder.ContentRoot([], elsewhere, elsewhere, None)); // nowhere holds the app: nothing to prefer
    }

    public void Dispose()
    {
        Directory.Delete(app, recursive: true);
        Directory.Delete(elsewhere, recursive: true);
    }
}
