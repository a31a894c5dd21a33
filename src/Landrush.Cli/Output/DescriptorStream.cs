using System.Runtime.InteropServices;

namespace Landrush.Cli.Output;

/// <summary>
/// A write-only stream on a process's standard output or error descriptor that reports what went wrong.
/// .NET's console stream hides a closed pipe (EPIPE) — so <c>enumerate | head -1</c> would run to the end —
/// and fails on a closed descriptor or a full disk with exceptions thrown from the final flush. Here a
/// closed pipe is <see cref="ReaderGoneException"/> (stop quietly), any other failure a
/// <see cref="StandardOutputException"/> (one line, exit 1); the standard error stream swallows its own
/// failures, since there is nowhere left to report them.
/// </summary>
internal sealed class DescriptorStream(int descriptor, string name, bool swallowErrors) : Stream
{
    private const int EINTR = 4, EPIPE = 32;

    private bool _failed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed && swallowErrors)
        {
            return;
        }

        while (!buffer.IsEmpty)
        {
            var n = NativeMethods.Write(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (n >= 0)
            {
                buffer = buffer[(int)n..];
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR)
            {
                continue;
            }

            _failed = true;
            if (swallowErrors)
            {
                return;
            }

            if (errno == EPIPE)
            {
                throw new ReaderGoneException();
            }

            throw new StandardOutputException($"cannot write {name}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static class NativeMethods
    {
        // write(2) itself: the one call whose errno tells a closed pipe from a full disk.
        [DllImport("libc", EntryPoint = "write", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern nint Write(int fd, ref byte buffer, nint count);
    }
}
