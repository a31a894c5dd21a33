using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Files;

/// <summary>
/// The names of a command's temporary files and folders (<see cref="AtomicFile"/>'s <c>.NAME.TAG.tmp</c>,
/// <see cref="OutputFolder"/>'s <c>.landrush-new-TAG</c>) carry who made them: <c>HOST-PID-RANDOM</c>. A process killed
/// outright (SIGKILL, the power) cannot remove its own; the next command that writes to the same place removes those
/// made on this host by a process that no longer runs. Anything else is left alone: a live process's (ours or another
/// command's), another host's sharing the folder, one whose process id was taken by a new process, and any name
/// without a tag.
/// </summary>
internal static partial class Leftovers
{
    /// <summary>This host's name as it appears in tags: lower case, letters and digits, other characters as <c>-</c>.</summary>
    public static string Host { get; } = HostOf(Environment.MachineName);

    /// <summary>A new tag for a temporary made by this process.</summary>
    public static string NewTag() => TagOf(Host, Environment.ProcessId);

    /// <summary>A tag for a temporary made on <paramref name="host"/> by process <paramref name="pid"/>.</summary>
    public static string TagOf(string host, int pid) => $"{host}-{pid}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}";

    /// <summary>Whether <paramref name="tag"/> was made on this host by a process that no longer runs.</summary>
    public static bool IsAbandoned(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var m = TagPattern().Match(tag);
        return m.Success
            && string.Equals(m.Groups["host"].Value, Host, StringComparison.Ordinal)
            && int.TryParse(m.Groups["pid"].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            && !Runs(pid);
    }

    /// <summary>
    /// Removes the entries of <paramref name="dir"/> named <c>PREFIX + TAG + SUFFIX</c> whose tag <see cref="IsAbandoned"/>.
    /// Never fails: a leftover that cannot be removed is no reason to refuse the command's own work.
    /// </summary>
    public static void Sweep(string dir, string prefix, string suffix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(dir, prefix + "*" + suffix))
            {
                var name = Path.GetFileName(path);
                if (name.Length <= prefix.Length + suffix.Length || !IsAbandoned(name[prefix.Length..^suffix.Length]))
                {
                    continue;
                }

                if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, like the cleanup the killed process could not do.
        }
    }

    private static string HostOf(string machine)
    {
        var host = NotTagChar().Replace(machine.ToLowerInvariant(), "-");
        return host.Length == 0 ? "host" : host;
    }

    private static bool Runs(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No process with that id.
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Greedy host, so that a host name with digits and dashes still leaves the last "-PID-RANDOM" to the pid and random part.
    [GeneratedRegex("^(?<host>[a-z0-9-]+)-(?<pid>[0-9]{1,10})-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("[^a-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex NotTagChar();
}
