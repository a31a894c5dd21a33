using System.Runtime.InteropServices;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Files;

/// <summary>
/// What a path is on disk, following links (<c>stat</c>): a regular file, a folder, a device, a pipe or a socket. .NET
/// shows a device or a named pipe as an ordinary file, and a command that treats <c>/dev/null</c> as one puts its other
/// files beside it (<c>/dev/null-journal</c>, <c>/dev/null.truth.csv</c>). Also which folders hold no files of ours:
/// <c>/dev</c>, <c>/proc</c> and <c>/sys</c> (devtmpfs, proc, sysfs), wherever they are mounted.
/// </summary>
internal static class FileKind
{
    public enum Kind
    {
        Missing,
        Regular,
        Directory,
        Device,
        Pipe,
        Socket,
        Other,
    }

    /// <summary>The kind of <paramref name="path"/> (links followed); <see cref="Kind.Missing"/> when nothing is there.</summary>
    public static Kind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? Kind.Directory : File.Exists(path) ? Kind.Regular : Kind.Missing;
        }

        // struct statx is the same on every Linux architecture: stx_mode is the u16 at offset 28.
        var buffer = new byte[256];
        if (NativeMethods.Statx(AtFdCwd, path, 0, StatxType, ref buffer[0]) != 0)
        {
            return Kind.Missing;
        }

        return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0x2000 or 0x6000 => Kind.Device,
            0x1000 => Kind.Pipe,
            0xC000 => Kind.Socket,
            _ => Kind.Other,
        };
    }

    /// <summary>"a device", "a pipe", "a socket" for what is no file to keep data in; null for a regular file, a folder or nothing.</summary>
    public static string? NotAFile(string path) => Of(path) switch
    {
        Kind.Device => "a device",
        Kind.Pipe => "a pipe",
        Kind.Socket => "a socket",
        Kind.Other => "not a regular file",
        _ => null,
    };

    /// <summary>
    /// Why a new file cannot be made at <paramref name="typed"/> when its folder is no folder: "directory D does not
    /// exist", or "D is a file, not a directory" (a path through a file); null when the folder exists. Worded once, in
    /// Harvest, whose SQLite store says it too.
    /// </summary>
    public static string? NoFolder(string typed) => ParentFolder.Missing(typed);

    /// <summary>
    /// What is wrong with <paramref name="path"/> when it is a symbolic link that leads to no file: "no such file (a
    /// symbolic link to X, which does not exist)" or "a symbolic link that does not resolve (a loop of links?)"; null for
    /// anything else. File.Exists sees the link itself, so such a path passes it and fails only when opened.
    /// </summary>
    public static string? BrokenLink(string path)
    {
        var info = new FileInfo(path);
        // The kernel resolves it (a /dev/fd/N link to a pipe resolves though its target names no file): not broken.
        if (info.LinkTarget is not { } target || Of(path) != Kind.Missing)
        {
            return null;
        }

        try
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            return $"no such file (a symbolic link to {final?.FullName ?? target}, which does not exist)";
        }
        catch (IOException)
        {
            return "a symbolic link that does not resolve (a loop of links?)";
        }
    }

    /// <summary>
    /// The kernel's file system (<c>devtmpfs</c>, <c>proc</c>, <c>sysfs</c>) that holds <paramref name="path"/> or the
    /// nearest folder above it that exists, when it is one of those; null for a file system that keeps files.
    /// </summary>
    public static string? KernelFileSystem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var dir = Path.GetFullPath(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir) && !File.Exists(dir))
            {
                continue;
            }

            try
            {
                var format = new DriveInfo(dir).DriveFormat;
                return format is "devtmpfs" or "proc" or "sysfs" ? format : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Refuses (exit 2) a path in <c>/dev</c>, <c>/proc</c> or <c>/sys</c> as a place for files: "cannot write PATH: …".
    /// </summary>
    public static void RefuseKernelFileSystem(string typed)
    {
        if (KernelFileSystem(typed) is { } fs)
        {
            throw new Core.UserInputException($"cannot write {typed}: it is on {fs}, which holds devices and kernel state, not files");
        }
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    private static class NativeMethods
    {
        // statx(2): its struct has one layout on every architecture, unlike stat's.
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
    }
}
