using System.CommandLine;
using System.Globalization;
using System.Net;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Core.Whois;
using Landrush.Simulator;
using Landrush.Simulator.Dns;
using Landrush.Simulator.Faults;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Binding;

/// <summary>The options of <c>landrush simulate</c> and their reading into the simulator's options record.</summary>
internal sealed class SimulateArguments
{
    // The WHOIS server's defaults, read from its options record: the command line never retypes one.
    private static readonly WhoisServerOptions WhoisDefaults = new();

    public Option<string> Data { get; } = new("--data") { Description = "Registry dataset to serve (CSV, format v1 in data/README.md).", Required = true };

    public Option<int> WhoisPort { get; } = new("--whois-port") { Description = "WHOIS TCP port; 0 takes a free port (printed).", DefaultValueFactory = _ => 0 };

    public Option<int> DnsPort { get; } = new("--dns-port") { Description = "DNS port (UDP and TCP); 0 takes a free port (printed).", DefaultValueFactory = _ => 0 };

    public Option<string> Era { get; } = new("--era")
    {
        Description = "WHOIS reply layout: 2008 (indented, with handles), 2010s or current.",
        DefaultValueFactory = _ => EraWord(WhoisDefaults.Era),
    };

    public Option<string> Rate { get; } = new("--whois-rate")
    {
        Description = "WHOIS queries per second per client address (token bucket), or 'off'.",
        DefaultValueFactory = _ => Show(WhoisDefaults.RatePerSecond),
    };

    public Option<int> Burst { get; } = new("--whois-burst")
    {
        Description = "WHOIS queries a client may send at once before the rate applies (the token bucket's size).",
        DefaultValueFactory = _ => WhoisDefaults.Burst,
    };

    public Option<double> Tolerance { get; } = new("--whois-tolerance")
    {
        CustomParser = Decimals.Parse,
        Description = "Milliseconds a WHOIS query may arrive earlier than the bucket allows and still be answered (the server's own timing slack; 0 is strictest).",
        DefaultValueFactory = _ => WhoisDefaults.Tolerance.TotalMilliseconds,
    };

    public Option<string> Daily { get; } = new("--whois-daily")
    {
        Description = "WHOIS queries per client address per UTC day, or 'off'.",
        DefaultValueFactory = _ => Show(WhoisDefaults.DailyLimit),
    };

    public Option<string> Faults { get; } = new("--faults")
    {
        Description = "Injected faults, NAME=VALUE,...: WHOIS reset, trickle, empty, garbled, truncated, busy (probabilities) " +
                      "and latency=P:MIN[-MAX]; DNS dns-drop, dns-servfail and dns-latency=P:MIN[-MAX]. " +
                      "E.g. busy=0.02,latency=0.1:50ms-300ms,dns-drop=0.01.",
        DefaultValueFactory = _ => "none",
    };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the fault draws (printed).", DefaultValueFactory = _ => 0 };

    public Option<FileInfo?> Log { get; } = new("--log") { Description = "Append one tab-separated line per WHOIS query: UTC time, client, query, answer." };

    public Option<string> Bind { get; } = new("--bind") { Description = "Address to listen on. Anything but loopback exposes the simulator to the network.", DefaultValueFactory = _ => "127.0.0.1" };

    public IEnumerable<Option> All => [Data, WhoisPort, DnsPort, Era, Rate, Burst, Tolerance, Daily, Faults, Seed, Log, Bind];

    /// <summary>The simulator's options as given, the dataset read; bad values are the user's (exit 2).</summary>
    public RegistrySimulatorOptions Read(ParseResult parsed)
    {
        var dataPath = parsed.GetValue(Data)!;
        var address = ParseBind(parsed.GetValue(Bind)!);
        var spec = FaultSpec.Parse(parsed.GetValue(Faults));
        var whois = new WhoisServerOptions
        {
            Era = ParseEra(parsed.GetValue(Era)!),
            RatePerSecond = ParseRate(parsed.GetValue(Rate)!),
            Burst = parsed.GetValue(Burst) is >= 1 and <= 1_000_000 and var b ? b : throw new UserInputException($"--whois-burst: {parsed.GetValue(Burst)} is not 1 or more"),
            Tolerance = parsed.GetValue(Tolerance) is >= 0 and <= 60_000 and var t
                ? TimeSpan.FromMilliseconds(t)
                : throw new UserInputException($"--whois-tolerance: {parsed.GetValue(Tolerance).ToString(CultureInfo.InvariantCulture)} is not 0 to 60000 ms"),
            DailyLimit = ParseDaily(parsed.GetValue(Daily)!),
            Faults = spec.Whois,
        };
        return new RegistrySimulatorOptions
        {
            Dataset = DatasetFile.Read(dataPath),
            DatasetName = Path.GetFileName(dataPath),
            BindAddress = address,
            WhoisPort = Port(parsed.GetValue(WhoisPort), "--whois-port"),
            DnsPort = Port(parsed.GetValue(DnsPort), "--dns-port"),
            Whois = whois,
            Dns = new RegistryDnsServerOptions { Faults = spec.Dns },
            Seed = parsed.GetValue(Seed),
            LogPath = LogPath(parsed.GetValue(Log)),
        };
    }

    /// <summary>A rate, limit or seed as printed: invariant, or <c>off</c> when there is none.</summary>
    public static string Show<T>(T? value)
        where T : struct, IFormattable => value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "off";

    internal static FormatEra ParseEra(string text) => text switch
    {
        "2008" => FormatEra.Indented2008,
        "2010s" => FormatEra.Flat2010s,
        "current" => FormatEra.Current,
        _ => throw new UserInputException($"--era: '{text}' is not 2008, 2010s or current"),
    };

    private static string EraWord(FormatEra era) => era switch
    {
        FormatEra.Indented2008 => "2008",
        FormatEra.Flat2010s => "2010s",
        _ => "current",
    };

    /// <summary>
    /// The full path of the query log, checked before the servers start: a directory, a file that cannot be opened
    /// for appending or one of the command's inputs (the dataset) is one line, exit 2, and nothing is written.
    /// </summary>
    private static string? LogPath(FileInfo? log)
    {
        if (log is null)
        {
            return null;
        }

        // ToString is the path as the user typed it.
        var typed = log.ToString();
        if (Directory.Exists(log.FullName))
        {
            throw new UserInputException($"cannot write {typed}: is a directory, not a file");
        }

        CommandInputs.RefuseIfInput(typed);
        try
        {
            new FileStream(log.FullName, FileMode.Append, FileAccess.Write, FileShare.ReadWrite).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write {typed}: {AtomicFile.Reason(e)}");
        }

        return log.FullName;
    }

    private static double? ParseRate(string text) =>
        text == "off" ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1e6 ? r
        : throw new UserInputException($"--whois-rate: '{text}' is not a rate above 0 (queries per second) or 'off'");

    private static int? ParseDaily(string text) =>
        text == "off" ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new UserInputException($"--whois-daily: '{text}' is not a count or 'off'");

    private static int Port(int port, string option) =>
        port is >= 0 and <= 65535 ? port : throw new UserInputException($"{option}: {port} is not a port (0 to 65535; 0 takes a free one)");

    private static IPAddress ParseBind(string text) =>
        IPAddress.TryParse(text, out var a) ? a : throw new UserInputException($"--bind: '{text}' is not an IP address");
}
