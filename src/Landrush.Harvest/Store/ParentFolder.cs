namespace Landrush.Harvest.Store;

/// <summary>
/// Why a new file cannot be made at a path whose folder is no folder, in the words every command uses: "directory D does not
/// exist", or "D is a file, not a directory" (a path through a file). Here because the SQLite store and its lock say it
/// too, and this project cannot reach the command line's; the command line's file checks call it.
/// </summary>
public static class ParentFolder
{
    /// <summary>Why <paramref name="typed"/>'s folder is none (D as typed where it can be); null when the folder exists.</summary>
    public static string? Missing(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var folder = Path.GetDirectoryName(Path.GetFullPath(typed)) ?? "/";
        if (Directory.Exists(folder))
        {
            return null;
        }

        var shown = Path.GetDirectoryName(typed);
        var file = folder;
        while (file is not null && !File.Exists(file) && !Directory.Exists(file))
        {
            file = Path.GetDirectoryName(file);
        }

        return file is not null && File.Exists(file)
            ? $"{(file == folder ? shown : file)} is a file, not a directory"
            : $"directory {shown} does not exist";
    }
}
