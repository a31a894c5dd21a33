using System.CommandLine;
using System.Globalization;
using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Simulator.Dns;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush zonefile --data FILE --out nl.zone</c>: the TLD zone of a dataset as an RFC 1035 master file.</summary>
internal static class ZonefileCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Registry dataset (CSV, format v1 in data/README.md).", Required = true };
        var output = new Option<string>("--out") { Description = "Zone file to write (written whole or not at all); - is standard output (the summary then goes to stderr).", Required = true };
        var command = new Command("zonefile",
            "Write the TLD zone a dataset implies (SOA, NS, one delegation per active name, glue in the documentation " +
            "address ranges) as an RFC 1035 zone file that NSD can serve; the same content 'simulate' serves over DNS.")
        {
            data,
            output,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var dataPath = parsed.GetValue(data)!;
            var outPath = parsed.GetValue(output)!;
            var dataset = DatasetFile.Read(dataPath);
            var zone = new RegistryZone(dataset);
            var name = Path.GetFileName(dataPath);
            string[] header =
            [
                $"Zone {zone.Tld}. of the Landrush registry simulator, from dataset {name}.",
                dataset.IsSynthetic
                    ? $"SYNTHETIC: {dataset.SyntheticBecause}; this is not registry data."
                    : $"Not a zone of the registry: built from a dataset ({dataset.Header.Provenance ?? "no provenance given"}).",
                "Glue addresses are made up in the documentation ranges (RFC 5737, RFC 3849).",
            ];
            await TextOutput.WriteAsync(outPath, parsed.InvocationConfiguration.Output, writer =>
            {
                writer.NewLine = "\n";
                zone.WriteZoneFile(writer, header);
                return Task.CompletedTask;
            }, ct);
            var said = TextOutput.Said(outPath, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            await said.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{TextOutput.Describe(outPath)}: zone {zone.Tld}. serial {zone.Serial}, {zone.Delegations.Count:N0} delegations{(dataset.IsSynthetic ? " (SYNTHETIC data)" : "")}"));
            return LandrushCli.Ok;
        });
        return command;
    }
}
