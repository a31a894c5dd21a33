using System.CommandLine;
using System.Globalization;
using System.Net;
using Landrush.Cli.Files;
using Landrush.Simulator;
using Landrush.Simulator.Faults;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush simulate --data FILE</c>: serves a dataset as a registry's WHOIS and DNS servers on
/// loopback until Ctrl-C or SIGTERM.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var arguments = new SimulateArguments();
        var command = new Command("simulate",
            "Serve a dataset as the registry's WHOIS (RFC 3912, SIDN's formats, limits and faults) and authoritative DNS " +
            "servers on loopback until Ctrl-C. Every WHOIS reply says it comes from a simulator and names the dataset; " +
            "a synthetic dataset is called synthetic.");
        foreach (var option in arguments.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, ct) => RunAsync(arguments, parsed, arguments.Read(parsed), ct));
        return command;
    }

    private static async Task<int> RunAsync(SimulateArguments arguments, ParseResult parsed, RegistrySimulatorOptions options, CancellationToken ct)
    {
        var stdout = parsed.InvocationConfiguration.Output;
        var stderr = parsed.InvocationConfiguration.Error;
        var whois = options.Whois;
        Exception? logFailure = null;
        await using (var sim = await RegistrySimulator.StartAsync(options, ct))
        {
            var inv = CultureInfo.InvariantCulture;
            var header = options.Dataset.Header;
            var label = options.Dataset.IsSynthetic ? $" — SYNTHETIC data ({options.Dataset.SyntheticBecause}), not registry data" : "";
            await stdout.WriteLineAsync(string.Create(inv,
                $"serving {options.DatasetName}: {options.Dataset.Records.Count:N0} rows, {sim.Zone.Delegations.Count:N0} delegated under .{header.Tld}{label}"));
            var limits = $"rate {(whois.RatePerSecond is null ? "off" : SimulateArguments.Show(whois.RatePerSecond) + "/s")}{(whois.RatePerSecond is null ? "" : string.Create(inv, $" (burst {whois.Burst}, tolerance {whois.Tolerance.TotalMilliseconds:0.###} ms)"))}, daily {SimulateArguments.Show(whois.DailyLimit)}";
            await stdout.WriteLineAsync($"whois: {sim.WhoisEndPoint} (era {parsed.GetValue(arguments.Era)}, {limits})");
            await stdout.WriteLineAsync($"dns: {sim.DnsEndPoint} (udp+tcp, zone {header.Tld}.)");
            var faultsGiven = new FaultSpec(options.Whois.Faults, options.Dns.Faults) == FaultSpec.None ? "none" : parsed.GetValue(arguments.Faults);
            await stdout.WriteLineAsync($"faults: {faultsGiven}; seed {SimulateArguments.Show<ulong>(options.Seed)}");
            if (options.LogPath is not null)
            {
                await stdout.WriteLineAsync($"log: {parsed.GetValue(arguments.Log)}");
            }

            if (!IPAddress.IsLoopback(options.BindAddress))
            {
                await stderr.WriteLineAsync($"landrush: warning: listening on {options.BindAddress}, not loopback: other machines can reach the simulator");
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
            throw new IOException($"cannot write {parsed.GetValue(arguments.Log)}: {AtomicFile.Reason(logFailure)}", logFailure);
        }

        await stdout.WriteLineAsync("stopped");
        await stdout.FlushAsync(CancellationToken.None);
        // Stopped by a signal, as every command stopped so: 130.
        return ct.IsCancellationRequested ? LandrushCli.Cancelled : LandrushCli.Ok;
    }
}
