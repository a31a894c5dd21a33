using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Files;

/// <summary>
/// The names of a command's temporary files and folders (<see cref="AtomicFile"/>'s <c>.NAME.TAG.tmp</c>,
/// <see cref="OutputFolder"/>'s <c>.landrush-new-TAG</c>) carry who made them: <c>HOST-BOOT-PIDNS-PID-RANDOM</c> (the
/// host name, this boot of its kernel, the process-id namespace). A process killed outright (SIGKILL, the power) cannot
/// remove its own; the next command that writes to the same place removes those made under this same kernel and
/// process-id namespace by a process that no longer runs. Anything else is left alone: a live process's (ours or another
/// command's), another host's or container's sharing the folder, one whose process id was taken by a new process, and any
/// name without a tag.
/// </summary>
internal static partial class Leftovers
{
    /// <summary>
    /// Who runs here, as it appears in tags: the host's name (lower case, letters and digits, other characters as <c>-</c>,
    /// at most 16), the kernel's boot id (12 hex digits) and the process-id namespace (its inode), so that hosts of one name
    /// and containers sharing a folder never read each other's processes as ended.
    /// </summary>
    public static string Host { get; } = $"{HostOf(Environment.MachineName)}-{KernelId("/proc/sys/kernel/random/boot_id")}-{PidNamespace()}";

    /// <summary>A new tag for a temporary made by this process.</summary>
    public static string NewTag() => TagOf(Host, Environment.ProcessId);

    /// <summary>A tag for a temporary made where <paramref name="host"/> says by process <paramref name="pid"/>.</summary>
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
    /// Removes the entries of <paramref name="dir"/> named <c>PREFIX + TAG + SUFFIX</c> whose tag <see cref="IsAbandoned"/>:
    /// real folders when <paramref name="folders"/>, else regular files (a symbolic link or an entry of the other kind is
    /// never one of ours). Never fails: a leftover that cannot be removed is no reason to refuse the command's own work.
    /// </summary>
    public static void Sweep(string dir, string prefix, string suffix, bool folders)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);
        IEnumerable<string> entries;
        try
        {
            // Every entry, compared ordinally: a user's file name may hold wildcard characters.
            entries = [.. Directory.EnumerateFileSystemEntries(dir)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var path in entries)
        {
            var name = Path.GetFileName(path);
            if (name.Length <= prefix.Length + suffix.Length || !name.StartsWith(prefix, StringComparison.Ordinal)
                || !name.EndsWith(suffix, StringComparison.Ordinal) || !IsAbandoned(name[prefix.Length..^suffix.Length]))
            {
                continue;
            }

            try
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null)
                {
                    continue;
                }

                if (folders && info.Attributes.HasFlag(FileAttributes.Directory))
                {
                    Directory.Delete(path, recursive: true);
                }
                else if (!folders && !info.Attributes.HasFlag(FileAttributes.Directory))
                {
                    File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort, like the cleanup the killed process could not do; the next one is tried.
            }
        }
    }

    private static string HostOf(string machine)
    {
        var host = NotTagChar().Replace(machine.ToLowerInvariant(), "-");
        return host.Length == 0 ? "host" : host[..Math.Min(host.Length, 16)];
    }

    // The first 12 hex digits of the kernel's boot id; "0" where there is none (not Linux).
    private static string KernelId(string path)
    {
        try
        {
            var id = new string([.. File.ReadAllText(path).Where(char.IsAsciiHexDigit)]).ToLowerInvariant();
            return id.Length >= 12 ? id[..12] : "0";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "0";
        }
    }

    // The inode of this process's process-id namespace ("pid:[4026531836]"); "0" where there is none.
    private static string PidNamespace()
    {
        try
        {
            var link = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "";
            var digits = new string([.. link.Where(char.IsAsciiDigit)]);
            return digits.Length > 0 ? digits : "0";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "0";
        }
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
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // Cannot tell: taken as running.
        }
    }

    // Greedy host, so that a host name with digits and dashes still leaves the last "-PID-RANDOM" to the pid and random part.
    [GeneratedRegex("^(?<host>[a-z0-9-]+)-(?<pid>[0-9]{1,10})-[0-9a-f]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("[^a-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex NotTagChar();
}
