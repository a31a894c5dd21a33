using System.Text;
using Landrush.Core;

namespace Landrush.Cli.Files;

/// <summary>
/// Output files of a command: checked before any work is done, written to temporary files, and moved
/// into place together only when all were written — a failure never leaves half a result, nor a mix of
/// old and new files, nor a temporary file behind.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Refuses, as bad input, a path that is a directory or whose directory does not exist.</summary>
    public static string Check(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserInputException($"{path}: is a directory, not a file");
        }

        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new UserInputException($"{path}: directory {dir} does not exist");
        }

        return full;
    }

    /// <summary>Writes every (path, content) pair to a temporary file, then moves all into place.</summary>
    public static async Task WriteAllAsync(IReadOnlyList<(string Path, Action<TextWriter> Write)> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var temps = files.Select(f => Check(f.Path) + ".tmp").ToList();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                await using var writer = new StreamWriter(temps[i], append: false, new UTF8Encoding(false));
                files[i].Write(writer);
                await writer.FlushAsync(ct);
            }

            for (var i = 0; i < files.Count; i++)
            {
                File.Move(temps[i], Path.GetFullPath(files[i].Path), overwrite: true);
            }
        }
        finally
        {
            foreach (var temp in temps)
            {
                File.Delete(temp);
            }
        }
    }
}
