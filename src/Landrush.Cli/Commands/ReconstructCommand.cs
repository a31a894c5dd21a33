using System.CommandLine;
using System.Globalization;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Profiles;
using Landrush.Profiles.Nl2008;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush reconstruct</c>: builds a seeded synthetic reconstruction of a landrush and writes the
/// dataset with its two ground-truth side files.
/// </summary>
internal static class ReconstructCommand
{
    public const int DefaultSeed = 2008;

    public static Command Create()
    {
        var profile = new Option<string>("--profile")
        {
            Description = $"Which landrush to reconstruct. Known: {string.Join(", ", ProfileRegistry.Reconstructions)}.",
            DefaultValueFactory = _ => Nl2008Reconstruction.ProfileName,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every random draw; the same seed gives byte-identical files.",
            DefaultValueFactory = _ => DefaultSeed,
        };
        var output = new Option<string>("--out")
        {
            Description = "Dataset file to write (e.g. data/nl-2008-reconstruction.csv); the truth goes to " +
                          "X.truth.csv (party of each registrant handle) and X.parties.csv (per-party truth) beside it.",
            Required = true,
        };
        var command = new Command("reconstruct",
            "Build a seeded SYNTHETIC reconstruction of a landrush (not registry data), calibrated to published aggregates, " +
            "with its ground truth.")
        {
            profile, seed, output,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var chosen = ProfileRegistry.Reconstruction(parsed.GetValue(profile)!);
            var name = chosen.Name;
            var s = parsed.GetValue(seed);
            var path = parsed.GetValue(output)!;
            if (path == "-")
            {
                throw new UserInputException("reconstruct writes three files (the dataset and two truth files): --out needs a file name, not '-'");
            }

            // The truth files go beside the dataset: beside a device they would land in /dev.
            if (FileKind.NotAFile(path) is { } what)
            {
                throw new UserInputException($"cannot write {path}: it is {what}, and reconstruct writes two truth files beside the dataset (give a file name)");
            }

            FileKind.RefuseKernelFileSystem(path);
            var (handles, parties) = ReconstructionFiles.SidePaths(path);

            // Opened before the build, so a bad path costs nothing; written to temporary files and renamed
            // together when all are complete, so Ctrl-C or a full disk leaves the old files and no temporary one.
            var files = await AtomicFile.CreateAllAsync([path, handles, parties]);
            try
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"profile {name}, seed {s} (synthetic reconstruction, not registry data)"));
                var r = chosen.Reconstruct!(s);
                ct.ThrowIfCancellationRequested();
                Write(files[0], w => ReconstructionWriter.WriteDataset(w, r));
                Write(files[1], w => ReconstructionWriter.WriteHandles(w, r));
                Write(files[2], w => ReconstructionWriter.WriteParties(w, r));
                await AtomicFile.CommitAllAsync(files, ct);
                await Summarise(stdout, r, path, handles, parties);
            }
            finally
            {
                foreach (var f in files)
                {
                    await f.DisposeAsync();
                }
            }

            return LandrushCli.Ok;
        });
        return command;
    }

    private static void Write(AtomicFile file, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        write(writer);
    }

    private static async Task Summarise(TextWriter stdout, ReconstructedLandrush r, string path, string handles, string parties)
    {
        var c = r.Calibration;
        var inv = CultureInfo.InvariantCulture;
        var registered = r.Records.Count(x => x.IsRegistered);
        await stdout.WriteLineAsync(string.Create(inv, $"wrote {r.Records.Count:N0} rows ({registered:N0} registered, {r.Parties.Count(p => p.Wins > 0)} parties holding names) to {path}"));
        await stdout.WriteLineAsync($"truth: {handles}, {parties}");
        await stdout.WriteLineAsync(string.Create(inv,
            $"calibration: demand draw {c.DemandDraw}, continuation {c.RangeContinuation}, offsets {c.OffsetA}/{c.OffsetB}, capacities {c.CapacityA:R}/{c.CapacityB:R}; fixes moved {c.TotalMoves} names " +
            $"(zero-holders {c.ZeroHolderMoves}, block {c.BlockMoves}, top two {c.TopTwoMoves})"));
    }
}
