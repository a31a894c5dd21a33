using System.Net;
using System.Net.Sockets;
using System.Text;
using Landrush.Core;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Simulator.Faults;

namespace Landrush.Simulator.Whois;

// Reply composition: the limits' verdict on a query, the record or "is free", the injected faults, the log line.
public sealed partial class WhoisServer
{
    private async Task AnswerAsync(Socket socket, IPAddress client, string query)
    {
        switch (_limiter.Admit(client))
        {
            case WhoisAnswer.Throttle:
                Log(client, query, WhoisAnswer.Throttle);
                await SendAndCloseAsync(socket, Encoding.UTF8.GetBytes(WhoisRenderer.RenderThrottled(_notice, _throttlePerSecond))).ConfigureAwait(false);
                return;
            case WhoisAnswer.Limit:
                Log(client, query, WhoisAnswer.Limit);
                await SendAndCloseAsync(socket, Encoding.UTF8.GetBytes(WhoisRenderer.RenderDailyLimit(client.ToString(), _notice))).ConfigureAwait(false);
                return;
        }

        var name = Normalize(query);
        if (name is null)
        {
            Log(client, query, WhoisAnswer.Invalid);
            await SendAndCloseAsync(socket, _invalid).ConfigureAwait(false);
            return;
        }

        var record = _records.GetValueOrDefault(name);
        var registered = record is { IsRegistered: true };
        var reply = Encoding.UTF8.GetBytes(registered
            ? WhoisRenderer.Render(record!, _options.Era, _notice)
            : WhoisRenderer.RenderFree(name, _options.Era, _notice));

        var roll = _dice.Next();
        var faults = _options.Faults;
        var delay = faults.Latency.Draw(roll[1], roll[2]);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _clock, _stop.Token).ConfigureAwait(false);
        }

        var fault = faults.Pick(roll[0]);
        var answer = fault switch
        {
            null => registered ? WhoisAnswer.Record : WhoisAnswer.Free,
            WhoisFault.Reset => WhoisAnswer.Reset,
            WhoisFault.Trickle => WhoisAnswer.Trickle,
            WhoisFault.Empty => WhoisAnswer.Empty,
            WhoisFault.Garbled => WhoisAnswer.Garbled,
            WhoisFault.Truncated => WhoisAnswer.Truncated,
            _ => WhoisAnswer.Busy,
        };
        Log(client, query, answer);
        switch (fault)
        {
            case null:
                await SendAndCloseAsync(socket, reply).ConfigureAwait(false);
                break;
            case WhoisFault.Busy:
                await SendAndCloseAsync(socket, _busy).ConfigureAwait(false);
                break;
            case WhoisFault.Empty:
                socket.Shutdown(SocketShutdown.Send);
                break;
            case WhoisFault.Truncated:
                await SendAndCloseAsync(socket, reply.AsMemory(0, 1 + roll.Below(3, CutLimit(reply) - 1))).ConfigureAwait(false);
                break;
            case WhoisFault.Reset:
                await SendAsync(socket, reply.AsMemory(0, 1 + roll.Below(3, CutLimit(reply) - 1))).ConfigureAwait(false);
                Reset(socket);
                break;
            case WhoisFault.Garbled:
                await SendAndCloseAsync(socket, Garble(reply, roll)).ConfigureAwait(false);
                break;
            case WhoisFault.Trickle:
                await TrickleAsync(socket, reply).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The name a query asks for, lower case without trailing dot, or null when it is no name under the TLD.</summary>
    private string? Normalize(string query)
    {
        if (query.Length == 0 || query.Length > DomainName.MaxNameLength + 1)
        {
            return null;
        }

        try
        {
            var name = DomainName.Parse(query).ToString();
            return name.EndsWith(_tldSuffix, StringComparison.Ordinal) && name.Length > _tldSuffix.Length ? name : null;
        }
        catch (UserInputException)
        {
            return null;
        }
    }

    // A cut falls before "Record maintained by", so that a reader can tell the reply is incomplete.
    private static int CutLimit(byte[] reply)
    {
        var at = reply.AsSpan().IndexOf("Record maintained"u8);
        return Math.Max(2, at > 0 ? at : reply.Length);
    }

    private static byte[] Garble(byte[] reply, FaultDice.Roll roll)
    {
        var garbled = (byte[])reply.Clone();
        var start = roll.Below(3, garbled.Length);
        var length = 1 + roll.Below(4, Math.Min(64, garbled.Length - start));
#pragma warning disable CA5394 // Fault injection, not security: a seeded generator is the point.
        var rng = new Random((int)(roll[5] * int.MaxValue));
        for (var i = start; i < start + length; i++)
        {
            garbled[i] ^= (byte)rng.Next(1, 256); // never 0: every byte of the stretch changes
        }
#pragma warning restore CA5394

        return garbled;
    }


    private void Log(IPAddress client, string query, WhoisAnswer answer) =>
        _log?.Invoke(new WhoisQueryLogEntry(_clock.GetUtcNow(), client, query, answer));
}
