using System.Text;
using System.Threading.Channels;

namespace Landrush.Simulator.Whois;

/// <summary>
/// Appends query-log lines to a file from one background writer, so that a server thread never waits for
/// the disk; the file is flushed whenever the queue runs empty, so a reader sees a query soon after it.
/// The log is the evidence that a harvest stayed within the limits: once a write fails (a full disk), the log
/// says so (<see cref="Failure"/>) and refuses every later line, so that no query is answered unlogged.
/// </summary>
internal sealed class QueryLog : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StreamWriter _writer;
    private readonly TaskCompletionSource<Exception> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pump;

    public QueryLog(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Completes with the error of the first write that failed; never completes while the log is written.</summary>
    public Task<Exception> Failure => _failure.Task;

    /// <summary>Queues the entry's line.</summary>
    /// <exception cref="IOException">The log can no longer be written: the caller must not answer the query.</exception>
    public void Write(WhoisQueryLogEntry entry)
    {
        if (_failure.Task.IsCompleted)
        {
            throw new IOException("the query log cannot be written", _failure.Task.Result);
        }

        _lines.Writer.TryWrite(entry.ToLine());
    }

    private async Task PumpAsync()
    {
        try
        {
            while (await _lines.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    await _writer.WriteLineAsync(line).ConfigureAwait(false);
                }

                await _writer.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _failure.TrySetResult(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && _failure.Task.IsCompleted)
        {
            // Already reported through Failure; the lines it could not write are lost either way.
        }
    }
}
