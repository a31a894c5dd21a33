namespace Landrush.Cli.Files;

/// <summary>
/// A write-only stream over a file that names the file in its errors as the user typed it: a full disk while writing is
/// "cannot write PATH: no space left on device", never the runtime's message with a temporary file's absolute path.
/// Disposing it leaves the file open: its owner flushes it to disk and renames it first.
/// </summary>
internal sealed class NamedWriteStream(Stream inner, string typedPath) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException ex)
        {
            throw Named(ex);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw Named(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => Guard(inner.Flush);

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw Named(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw Named(ex);
        }
    }

    private IOException Named(IOException ex) =>
        ex.Message.StartsWith("cannot write ", StringComparison.Ordinal) ? ex : new IOException($"cannot write {typedPath}: {AtomicFile.Reason(ex)}", ex);
}
