using System.Net;
using Landrush.Core.Dataset;
using Landrush.Simulator.Dns;
using Landrush.Simulator.Whois;

namespace Landrush.Simulator;

/// <summary>Settings of a <see cref="RegistrySimulator"/>. Only <see cref="Dataset"/> is required.</summary>
public sealed record RegistrySimulatorOptions
{
    /// <summary>The registry to serve (a validated dataset, format v1).</summary>
    public required RegistryDataset Dataset { get; init; }

    /// <summary>The dataset's name in every reply's notice (a file name). Default is <c>dataset</c>.</summary>
    public string DatasetName
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("empty dataset name", nameof(value)) : value.Trim();
    } = "dataset";

    /// <summary>Address both servers listen on. Default is 127.0.0.1; anything else must be asked for.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>WHOIS TCP port; 0 takes a free port (see <see cref="RegistrySimulator.WhoisEndPoint"/>). Default is 0.</summary>
    public int WhoisPort { get => field; init => field = Port(value); }

    /// <summary>DNS port (UDP and TCP); 0 takes a free port. Default is 0.</summary>
    public int DnsPort { get => field; init => field = Port(value); }

    /// <summary>Serve WHOIS. Default is true.</summary>
    public bool EnableWhois { get; init; } = true;

    /// <summary>Serve DNS. Default is true.</summary>
    public bool EnableDns { get; init; } = true;

    /// <summary>WHOIS era, limits, faults and timeouts. Default: 2008 layout, 1 query/s, 10,000 a day, no faults.</summary>
    public WhoisServerOptions Whois { get; init; } = new();

    /// <summary>DNS faults and timeout. Default: no faults.</summary>
    public RegistryDnsServerOptions Dns { get; init; } = new();

    /// <summary>Seed of every fault draw. Default is 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Query log file (appended, one tab-separated line per WHOIS query); null for none. Default is null.</summary>
    public string? LogPath { get; init; }

    /// <summary>Called for every WHOIS query, from server threads (tests read politeness from it). Default is null.</summary>
    public Action<WhoisQueryLogEntry>? OnWhoisQuery { get; init; }

    /// <summary>The WHOIS server's time: its limits, timeouts, fault delays and log. The system's clock; tests move a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    private static int Port(int p) =>
        p is >= 0 and <= 65535 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "a port is 0 to 65535");
}
