using System.Text;

namespace Landrush.Cli.Files;

/// <summary>
/// The one text output a command's <c>--out</c> names: <c>-</c> (or none, where the command allows it) is standard
/// output; any other path a UTF-8 file written to a temporary file and renamed when complete, so Ctrl-C or a full
/// disk leaves the old file and no partial one. What the command says about the output goes to stderr when the output
/// itself is on stdout, so that stays clean.
/// </summary>
internal static class TextOutput
{
    public static bool IsStdout(string? path) => path is null or "-";

    /// <summary>Writes to standard output or to a file, as <paramref name="path"/> says.</summary>
    public static async Task WriteAsync(string? path, TextWriter stdout, Func<TextWriter, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(write);
        if (IsStdout(path))
        {
            await write(stdout);
            await stdout.FlushAsync(ct);
            return;
        }

        await WriteFileAsync(path!, write, ct);
    }

    /// <summary>Writes a file whole or not at all.</summary>
    public static async Task WriteFileAsync(string path, Func<TextWriter, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var file = AtomicFile.Create(path);
        await using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            await write(writer);
        }

        await file.CommitAsync(ct);
    }

    /// <summary>Where to say what was written: stderr when the output is on stdout.</summary>
    public static TextWriter Said(string? path, TextWriter stdout, TextWriter stderr) => IsStdout(path) ? stderr : stdout;

    /// <summary>The output named in a message.</summary>
    public static string Describe(string? path) => IsStdout(path) ? "standard output" : path!;
}
