using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using Landrush.Cli.Output;
using Landrush.Core;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Whois;
using Landrush.Reports.Json;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush whois NAME</c>: one RFC 3912 query, the reply classified and read.</summary>
internal static class WhoisCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Domain name to ask about, e.g. 1234.nl." };
        var server = new Option<string?>("--server")
        {
            Description = $"WHOIS server as host or host:port ([v6]:port for IPv6). Default: {new WhoisClientOptions().Server}. An empty value is an error.",
        };
        var raw = new Option<bool>("--raw") { Description = "Print the reply exactly as received instead of the reading of it." };
        var json = new Option<bool>("--json") { Description = "Print the reading as one JSON object (with the raw text)." };
        var timeout = new Option<double>("--timeout")
        {
            CustomParser = Binding.Decimals.Parse,
            Description = "Give up after this many seconds in all (connect and read timeouts are at most this too).",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("whois", "Ask a WHOIS server (port 43) about one name and show how the reply is classified and read.")
        {
            name, server, raw, json, timeout,
        };
        command.SetAction(async (parsed, ct) =>
        {
            if (parsed.GetValue(raw) && parsed.GetValue(json))
            {
                throw new UserInputException("--raw and --json exclude each other: choose one");
            }

            var domain = DomainName.Parse(parsed.GetValue(name)!);
            var seconds = parsed.GetValue(timeout);
            // At least a millisecond: a smaller value rounds to a zero TimeSpan, which the client rejects.
            // NaN fails both comparisons; infinity fails the upper bound.
            if (!(seconds >= 0.001 && seconds <= 3600))
            {
                throw new UserInputException($"bad --timeout {seconds.ToString(CultureInfo.InvariantCulture)}: write seconds from 0.001 to 3600, e.g. 10");
            }

            var overall = TimeSpan.FromSeconds(seconds);
            var options = ParseServer(parsed.GetValue(server), new WhoisClientOptions()) with
            {
                OverallTimeout = overall,
                ConnectTimeout = Min(overall, new WhoisClientOptions().ConnectTimeout),
                ReadTimeout = Min(overall, new WhoisClientOptions().ReadTimeout),
            };
            var response = await new WhoisClient(options).QueryAsync(domain, ct);
            var stdout = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(raw))
            {
                await WriteRawAsync(stdout, response.Raw, ct);
            }
            else if (parsed.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonOutput.Line(new WhoisQueryJson(response.Query.ToString(), response.Server, response.Raw.Length,
                    response.Encoding, response.Truncated, response.Elapsed, response.Reply, response.Text)));
            }
            else
            {
                // The simulator's notice is no field of the reply, so the parsed text would drop it: say what served it.
                var notice = SimulatorNotice.TryFind(response.Text);
                var servedBy = notice is null ? string.Empty
                    : $"{"served by:",-19}{Printable.Escape($"the Landrush registry simulator, dataset {notice.Dataset}{(notice.Synthetic ? " (SYNTHETIC, not registry data)" : " (not a reply of the registry)")}")}\n";
                await stdout.WriteAsync($"{"server:",-19}{Printable.Escape(response.Server)}\n{servedBy}{WhoisOutput.Text(response.Reply)}");
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Writes the reply's bytes exactly as received: decoding and re-encoding would turn a Latin-1 reply
    /// into UTF-8. A writer over a byte stream (standard output) is flushed and the bytes go to its stream;
    /// a writer without one (a <see cref="StringWriter"/>) gets one Latin-1 character per byte, which maps
    /// back to the same bytes.
    /// </summary>
    internal static async Task WriteRawAsync(TextWriter output, ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        if (output is StreamWriter { BaseStream: { CanWrite: true } stream } writer)
        {
            await writer.FlushAsync(ct);
            await stream.WriteAsync(raw, ct);
            await stream.FlushAsync(ct);
            return;
        }

        await output.WriteAsync(Encoding.Latin1.GetString(raw.Span));
    }

    /// <summary>
    /// Reads <c>host</c>, <c>host:port</c>, <c>[v6]:port</c> or a bare IPv6 address into the options; null
    /// (no <c>--server</c>) keeps the defaults. An empty or blank value (an unset shell variable) is bad
    /// input, never a silent fall-back to the real registry, whose terms forbid automated look-ups.
    /// </summary>
    internal static WhoisClientOptions ParseServer(string? text, WhoisClientOptions defaults)
    {
        if (text is null)
        {
            return defaults;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserInputException($"bad --server '{Printable.Escape(text)}': it is empty; write host or host:port, e.g. 127.0.0.1:4343");
        }

        var s = text.Trim();
        string host;
        string? port = null;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < s.Length && s[close + 1] != ':'))
            {
                throw Bad(text);
            }

            host = s[1..close];
            port = close + 1 < s.Length ? s[(close + 2)..] : null;
        }
        else if (s.Count(c => c == ':') == 1)
        {
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            host = s[..colon];
            port = s[(colon + 1)..];
        }
        else if (s.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(s, out _))
        {
            throw Bad(text);
        }
        else
        {
            host = s;
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            throw Bad(text);
        }

        var options = defaults with { Host = host };
        if (port is null)
        {
            return options;
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535
            ? options with { Port = p }
            : throw Bad(text);

        static UserInputException Bad(string t) =>
            new($"bad --server '{t}': write host or host:port, e.g. whois.domain-registry.nl:43 or 127.0.0.1:4343");
    }
}
