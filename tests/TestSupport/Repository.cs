namespace MutualAid.TestSupport;

public static class Repository
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The checkout the tests run from: the first folder above the test assembly that holds MutualAid.sln.</summary>
    public static string Root => Found.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MutualAid.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("MutualAid.sln not found above " + AppContext.BaseDirectory);
    }
}
