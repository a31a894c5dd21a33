using System.Text;
using System.Threading.Channels;

namespace Landrush.Simulator.Whois;

/// <summary>
/// Appends query-log lines to a file from one background writer, so that a server thread never waits for
/// the disk; the file is flushed whenever the queue runs empty, so a reader sees a query soon after it.
/// </summary>
internal sealed class QueryLog : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StreamWriter _writer;
    private readonly Task _pump;

    public QueryLog(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
        _pump = Task.Run(PumpAsync);
    }

    public void Write(WhoisQueryLogEntry entry) => _lines.Writer.TryWrite(entry.ToLine());

    private async Task PumpAsync()
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

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }
}
