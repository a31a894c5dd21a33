using Landrush.Core;

namespace Landrush.Cli.Files;

/// <summary>
/// Opens the files a user names for reading. A path that does not exist, is a directory or may not be
/// read is the user's input to fix (<see cref="UserInputException"/>, exit 2), said with the path as typed.
/// <c>-</c> is standard input, in every command that reads a file. Each file opened is recorded in
/// <see cref="CommandInputs"/>, so that the command cannot write over it.
/// </summary>
internal static class InputFiles
{
    /// <summary>What messages call the file: the path as typed, or <c>&lt;stdin&gt;</c> for <c>-</c>.</summary>
    public static string Label(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>Opens <paramref name="path"/> for reading; <paramref name="what"/> names what it should be.</summary>
    public static Stream OpenRead(string path, string what = "file")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return Console.OpenStandardInput();
        }

        if (path.Length == 0)
        {
            throw new UserInputException($"an empty path is not a {what}");
        }

        if (Directory.Exists(path))
        {
            throw new UserInputException($"{path}: is a directory, not a {what}");
        }

        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: no such file");
        }

        if (FileKind.BrokenLink(path) is { } broken)
        {
            throw new UserInputException($"{path}: {broken}");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            CommandInputs.Record(path);
            return stream;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserInputException($"{path}: permission denied", ex);
        }

    }
}
