namespace MutualAid.Silo.Sqlite.Storage;

/// <summary>
/// The SQLite file holds people's names, phones and addresses: its folder and files are readable by
/// the service's own account only, whatever the umask. SQLite gives its -wal and -shm files the
/// main file's mode, so creating that file owner-only covers them; files left by an older version
/// are tightened at start-up.
/// </summary>
internal static class OwnerOnlyFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string databasePath)
    {
        var file = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(file)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, FolderMode);
            File.SetUnixFileMode(folder, FolderMode); // the umask may have taken bits off; chmod is exact
        }
        else
        {
            TightenFolder(folder);
        }

        if (!File.Exists(file))
        {
            try
            {
                // SQLite would create it with 0644 less the umask; an empty file is a new database to it.
                using var created = new FileStream(file, new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = FileMode,
                });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another store of this silo created it first; it is tightened below like any existing file.
            }
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != FileMode) File.SetUnixFileMode(path, FileMode);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TightenFolder(string folder)
    {
        var mode = File.GetUnixFileMode(folder);
        // A sticky folder (/tmp) is shared by design and not ours to close.
        if ((mode & UnixFileMode.StickyBit) != 0 || (mode & ~FolderMode) == 0) return;
        File.SetUnixFileMode(folder, mode & FolderMode);
    }
}
