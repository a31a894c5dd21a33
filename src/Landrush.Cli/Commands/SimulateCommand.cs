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

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush simulate --data FILE</c>: serves a dataset as a registry's WHOIS and DNS servers on
/// loopback until Ctrl-C or SIGTERM.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Registry dataset to serve (CSV, format v1 in data/README.md).", Required = true };
        var whoisPort = new Option<int>("--whois-port") { Description = "WHOIS TCP port; 0 takes a free port (printed).", DefaultValueFactory = _ => 0 };
        var dnsPort = new Option<int>("--dns-port") { Description = "DNS port (UDP and TCP); 0 takes a free port (printed).", DefaultValueFactory = _ => 0 };
        var era = new Option<string>("--era") { Description = "WHOIS reply layout: 2008 (indented, with handles), 2010s or current.", DefaultValueFactory = _ => "2008" };
        var rate = new Option<string>("--whois-rate") { Description = "WHOIS queries per second per client address (token bucket), or 'off'.", DefaultValueFactory = _ => "1" };
        var burst = new Option<int>("--whois-burst") { Description = "WHOIS queries a client may send at once before the rate applies (the token bucket's size).", DefaultValueFactory = _ => 1 };
        var tolerance = new Option<double>("--whois-tolerance")
        {
            Description = "Milliseconds a WHOIS query may arrive earlier than the bucket allows and still be answered (the server's own timing slack; 0 is strictest).",
            DefaultValueFactory = _ => 10,
        };
        var daily = new Option<string>("--whois-daily") { Description = "WHOIS queries per client address per UTC day, or 'off'.", DefaultValueFactory = _ => "10000" };
        var faults = new Option<string>("--faults")
        {
            Description = "Injected faults, NAME=VALUE,...: WHOIS reset, trickle, empty, garbled, truncated, busy (probabilities) " +
                          "and latency=P:MIN[-MAX]; DNS dns-drop, dns-servfail and dns-latency=P:MIN[-MAX]. " +
                          "E.g. busy=0.02,latency=0.1:50ms-300ms,dns-drop=0.01.",
            DefaultValueFactory = _ => "none",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the fault draws (printed).", DefaultValueFactory = _ => 0 };
        var log = new Option<FileInfo?>("--log") { Description = "Append one tab-separated line per WHOIS query: UTC time, client, query, answer." };
        var bind = new Option<string>("--bind") { Description = "Address to listen on. Anything but loopback exposes the simulator to the network.", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("simulate",
            "Serve a dataset as the registry's WHOIS (RFC 3912, SIDN's formats, limits and faults) and authoritative DNS " +
            "servers on loopback until Ctrl-C. Every WHOIS reply says it comes from a simulator and names the dataset; " +
            "a synthetic dataset is called synthetic.")
        {
            data, whoisPort, dnsPort, era, rate, burst, tolerance, daily, faults, seed, log, bind,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var dataPath = parsed.GetValue(data)!;
            var address = ParseBind(parsed.GetValue(bind)!);
            var spec = FaultSpec.Parse(parsed.GetValue(faults));
            var whois = new WhoisServerOptions
            {
                Era = ParseEra(parsed.GetValue(era)!),
                RatePerSecond = ParseRate(parsed.GetValue(rate)!),
                Burst = parsed.GetValue(burst) is >= 1 and <= 1_000_000 and var b ? b : throw new UserInputException($"--whois-burst: {parsed.GetValue(burst)} is not 1 or more"),
                Tolerance = parsed.GetValue(tolerance) is >= 0 and <= 60_000 and var t
                    ? TimeSpan.FromMilliseconds(t)
                    : throw new UserInputException($"--whois-tolerance: {parsed.GetValue(tolerance).ToString(CultureInfo.InvariantCulture)} is not 0 to 60000 ms"),
                DailyLimit = ParseDaily(parsed.GetValue(daily)!),
                Faults = spec.Whois,
            };
            var options = new RegistrySimulatorOptions
            {
                Dataset = DatasetFile.Read(dataPath),
                DatasetName = Path.GetFileName(dataPath),
                BindAddress = address,
                WhoisPort = Port(parsed.GetValue(whoisPort), "--whois-port"),
                DnsPort = Port(parsed.GetValue(dnsPort), "--dns-port"),
                Whois = whois,
                Dns = new RegistryDnsServerOptions { Faults = spec.Dns },
                Seed = parsed.GetValue(seed),
                LogPath = LogPath(parsed.GetValue(log)),
            };
            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            Exception? logFailure = null;
            await using (var sim = await RegistrySimulator.StartAsync(options, ct))
            {
                var inv = CultureInfo.InvariantCulture;
                var header = options.Dataset.Header;
                var label = options.Dataset.IsSynthetic ? $" — SYNTHETIC data ({options.Dataset.SyntheticBecause}), not registry data" : "";
                await stdout.WriteLineAsync(string.Create(inv,
                    $"serving {options.DatasetName}: {options.Dataset.Records.Count:N0} rows, {sim.Zone.Delegations.Count:N0} delegated under .{header.Tld}{label}"));
                var limits = $"rate {(whois.RatePerSecond is null ? "off" : Show(whois.RatePerSecond) + "/s")}{(whois.RatePerSecond is null ? "" : string.Create(inv, $" (burst {whois.Burst}, tolerance {whois.Tolerance.TotalMilliseconds:0.###} ms)"))}, daily {Show(whois.DailyLimit)}";
                await stdout.WriteLineAsync($"whois: {sim.WhoisEndPoint} (era {parsed.GetValue(era)}, {limits})");
                await stdout.WriteLineAsync($"dns: {sim.DnsEndPoint} (udp+tcp, zone {header.Tld}.)");
                await stdout.WriteLineAsync($"faults: {(spec == FaultSpec.None ? "none" : parsed.GetValue(faults))}; seed {Show<ulong>(options.Seed)}");
                if (options.LogPath is not null)
                {
                    await stdout.WriteLineAsync($"log: {parsed.GetValue(log)}");
                }

                if (!IPAddress.IsLoopback(address))
                {
                    await stderr.WriteLineAsync($"landrush: warning: listening on {address}, not loopback: other machines can reach the simulator");
                }

                await stdout.WriteLineAsync("running; Ctrl-C stops");
                await stdout.FlushAsync(CancellationToken.None);
                // Ctrl-C and SIGTERM (ConsoleHost) cancel the token: the servers are then stopped cleanly. A query log that
                // cannot be written stops them too: the log is the evidence of the limits, and nothing is served unlogged.
                var stopped = await Task.WhenAny(Task.Delay(Timeout.Infinite, ct), sim.LogFailure);
                if (stopped == sim.LogFailure)
                {
                    logFailure = sim.LogFailure.Result;
                }
            }

            if (logFailure is not null)
            {
                throw new IOException($"cannot write {parsed.GetValue(log)}: {AtomicFile.Reason(logFailure)}", logFailure);
            }

            await stdout.WriteLineAsync("stopped");
            await stdout.FlushAsync(CancellationToken.None);
            // Stopped by a signal, as every command stopped so: 130.
            return ct.IsCancellationRequested ? LandrushCli.Cancelled : LandrushCli.Ok;
        });
        return command;
    }

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

    private static string Show<T>(T? value)
        where T : struct, IFormattable => value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "off";

    internal static FormatEra ParseEra(string text) => text switch
    {
        "2008" => FormatEra.Indented2008,
        "2010s" => FormatEra.Flat2010s,
        "current" => FormatEra.Current,
        _ => throw new UserInputException($"--era: '{text}' is not 2008, 2010s or current"),
    };

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
