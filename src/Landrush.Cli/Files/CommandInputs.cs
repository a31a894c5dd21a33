using Landrush.Core;

namespace Landrush.Cli.Files;

/// <summary>
/// The files the running command reads (datasets, stores, saved replies), by resolved path: a command must never
/// write over its own input (<c>export --store h.sqlite --out h.sqlite</c> would replace every raw reply by the CSV).
/// <see cref="InputFiles"/> and the commands that open stores record what they read; <see cref="AtomicFile"/> and
/// every other writer ask <see cref="RefuseIfInput"/> before they create anything. The set belongs to one run of
/// <see cref="LandrushCli.RunAsync"/> (tests run several at once in one process), so it flows with the call.
/// </summary>
internal static class CommandInputs
{
    private static readonly AsyncLocal<HashSet<string>?> Current = new();

    /// <summary>Starts an empty set for the command about to run (and whatever it awaits).</summary>
    public static void Begin() => Current.Value = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Records <paramref name="path"/> (as typed; <c>-</c>, standard input, is no file) as an input of the running command.</summary>
    public static void Record(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length > 0 && path != "-" && Current.Value is { } inputs)
        {
            lock (inputs)
            {
                inputs.Add(Resolve(path));
            }
        }
    }

    /// <summary>
    /// Refuses (exit 2, nothing written) to write <paramref name="path"/> when it is, through any links, a file the
    /// running command reads: "cannot write PATH: it is an input of this command".
    /// </summary>
    public static void RefuseIfInput(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path == "-" || Current.Value is not { } inputs)
        {
            return;
        }

        bool isInput;
        lock (inputs)
        {
            isInput = inputs.Count > 0 && inputs.Contains(Resolve(path));
        }

        if (isInput)
        {
            throw new UserInputException($"cannot write {path}: it is an input of this command");
        }
    }

    /// <summary>
    /// The full path with every symbolic link resolved, in any component (a <c>realpath</c> that does not need the
    /// file to exist). <c>..</c> in what the user typed is taken lexically, as <see cref="Path.GetFullPath(string)"/> does.
    /// </summary>
    internal static string Resolve(string path) => Resolve(path, 0);

    private static string Resolve(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            string? link;
            try
            {
                link = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                link = null;
            }

            // 40 links deep is the kernel's own limit (ELOOP): a loop resolves no further.
            current = link is not null && depth < 40 ? Resolve(Path.Combine(current, link), depth + 1) : next;
        }

        return current;
    }
}
