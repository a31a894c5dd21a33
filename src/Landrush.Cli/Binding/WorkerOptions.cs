using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Landrush.Core;

namespace Landrush.Cli.Binding;

/// <summary>The options that make a <c>harvest</c> one worker among several on a shared store.</summary>
internal sealed class WorkerOptions
{
    public Option<string?> Name { get; } = new("--worker")
    {
        Description = "This worker's name in the store (harvest status, and each stored reply's worker). Default: HOST:PID. " +
                      "Names are unique among a store's workers: a worker started under a name takes that name's leases back at once.",
    };

    public Option<double> Lease { get; } = new("--lease")
    {
        CustomParser = Decimals.Parse,
        Description = "Seconds a claimed piece of work (a DNS block, a batch of names) stays this worker's unless renewed; " +
                      "renewed every third of it while the worker works, so only a dead worker's claims expire and return to the others.",
        DefaultValueFactory = _ => 60,
    };

    public Option<string?> SourceAddress { get; } = new("--source-address")
    {
        Description = "Send DNS and WHOIS/RDAP queries from this local address (a registry's limits are per client address): " +
                      "one worker per address, e.g. on a machine with several, or 127.0.0.2–.5 against a simulator on loopback.",
    };

    public static WorkerOptions Create() => new();

    /// <summary>The name, lease and source address given, checked.</summary>
    public (string? Name, TimeSpan Lease, IPAddress? SourceAddress) Read(ParseResult parsed)
    {
        var lease = parsed.GetValue(Lease);
        if (!(lease >= 1 && lease <= 86_400))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--lease must be 1 to 86,400 seconds, not {lease}"));
        }

        var name = parsed.GetValue(Name);
        if (name is not null && (name.Trim().Length is 0 or > 200 || name.Any(char.IsControl)))
        {
            throw new UserInputException("--worker: give a name of 1 to 200 printable characters");
        }

        IPAddress? address = null;
        if (parsed.GetValue(SourceAddress) is { } text)
        {
            address = IPAddress.TryParse(text.Trim(), out var a) ? a
                : throw new UserInputException($"bad --source-address '{Printable.Escape(text)}': write an IP address of this machine, e.g. 127.0.0.2");
            CheckLocal(address);
        }

        return (name?.Trim(), TimeSpan.FromSeconds(lease), address);
    }

    /// <summary>An HTTP handler whose connections leave from <paramref name="local"/> (RDAP), when given.</summary>
    public static SocketsHttpHandler HttpHandler(bool useProxy, IPAddress? local)
    {
        var handler = new SocketsHttpHandler { UseProxy = useProxy };
        if (local is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    // Checked before the first query: an address this machine does not have fails every query otherwise.
    private static void CheckLocal(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            probe.Bind(new IPEndPoint(address, 0));
        }
        catch (SocketException ex)
        {
            throw new UserInputException($"--source-address {address}: not an address of this machine ({ex.Message})");
        }
    }
}
