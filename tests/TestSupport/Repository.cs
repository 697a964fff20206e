namespace MutualAid.TestSupport;

public static class Repository
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The checkout the tests run from: the first folder above the test assembly that holds MutualAid.sln.</summary>
    public static string Root => Found.Value;

    /// <summary>The build configuration these tests (and so the app beside them) were built in: bin/&lt;Configuration&gt;/net10.0.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The web app's build output for the configuration these tests were built in.</summary>
    public static string WebDll => Path.Combine(Root, "src", "Web", "bin", Configuration, "net10.0", "MutualAid.Web.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MutualAid.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("MutualAid.sln not found above " + AppContext.BaseDirectory);
    }
}
