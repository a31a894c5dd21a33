using System.CommandLine;
using System.Globalization;
using System.Text;
using Landrush.Analysis.Parties;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Profiles;
using Landrush.Profiles.Nl2008;
using Landrush.Reports.Reproduction;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush reproduce</c>: the four figures of the March 2008 blog analysis (names in the space, registered,
/// held by the two largest parties, participants) computed from a dataset, with what the data cannot support.
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var command = new Command("reproduce",
            "Print the 2008 blog's four figures (names in the space, registered, held by the two largest parties, participants) " +
            "as computed from a dataset, and say what the data cannot support (another space, a partial harvest, participants who won nothing). " +
            "The published figures are the profile's (--profile; nl-2008 for .nl data).");
        foreach (var option in options.PartyOptions)
        {
            command.Options.Add(option);
        }

        command.Options.Add(options.Profile);

        command.SetAction(async (parsed, ct) =>
        {
            var parties = options.Parties(parsed);
            var dataset = DatasetFile.Read(parsed.GetValue(options.Data)!);
            var published = ProfileRegistry.Choose(parsed.GetValue(options.Profile)!, dataset.Header)?.PublishedFigures
                ?? throw new UserInputException(
                    $"no profile with published figures applies to this dataset (.{dataset.Header.Tld}, {dataset.Header.Provenance ?? "no provenance"}): " +
                    $"give --profile {string.Join(" or ", ProfileRegistry.All.Where(p => p.PublishedFigures is not null).Select(p => p.Name))} to compare with its figures");
            ct.ThrowIfCancellationRequested();
            var resolved = AllocationBuilder.Build(dataset.Header, dataset.Records, parties);
            var known = dataset.Records.LongCount(r => r.Status != DomainStatus.Unknown);
            var figures = published(resolved.Allocation, known, resolved.HolderUnknown);
            await parsed.InvocationConfiguration.Output.WriteAsync(Text(figures, dataset));
            return LandrushCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// What the data cannot support first (another space, a partial dataset), then the figures in words, then one
    /// summary line in the blog's own form when all four are exact, then the notes.
    /// </summary>
    internal static string Text(SeedBlogFigures f, RegistryDataset dataset)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        if (dataset.IsSynthetic)
        {
            s.Append(inv, $"SYNTHETIC data ({dataset.SyntheticBecause}): these figures are not observations of a registry.\n");
        }

        if (!f.IsBlogSpace)
        {
            s.Append(inv, $"NOT COMPARABLE with the blog's figures: it counted {SeedBlogFigures.BlogSpace} under .{SeedBlogFigures.BlogTld} (111110 names); this data covers {f.Space}.\n");
        }

        if (f.IsPartial)
        {
            s.Append(inv, $"PARTIAL data: {f.KnownNames} of {f.NamesInSpace} names have a known status ({100.0 * f.KnownNames / f.NamesInSpace:0.0}%): ");
            s.Append("the counts are estimates, with 95% intervals that hold only if the known names are a random sample of the space, ");
            s.Append("and the bounds that are certain whatever they are.\n");
        }

        var share = double.IsNaN(f.TopTwoShare.Value) ? "undefined"
            : f.TopTwoShare.IsExact ? string.Create(inv, $"{100 * f.TopTwoShare.Value:0.0}%")
            : string.Create(inv, $"{100 * f.TopTwoShare.Value:0.0}% (95% interval {100 * f.TopTwoShare.Low:0.0}–{100 * f.TopTwoShare.High:0.0}%)");
        s.Append(inv, $"space:                   {f.Space}\n");
        s.Append(inv, $"names in the space:      {f.NamesInSpace}\n");
        if (f.IsPartial)
        {
            s.Append(inv, $"names with known status: {f.KnownNames} (PARTIAL data: counts below are estimates)\n");
        }

        s.Append(inv, $"registered:              {Count(f.Registered)}\n");
        s.Append(inv, $"held by the top two:     {Count(f.TopTwo)} ({share}){(f.TopTwoLabels.Count > 0 ? " — " + string.Join(", ", f.TopTwoLabels) : string.Empty)}\n");
        s.Append(inv, $"participants:            {(f.ParticipantsIsLowerBound ? "at least " : string.Empty)}{f.Participants}{(f.ParticipantsIsLowerBound ? " (parties holding a name; give --participants if known)" : " (given)")}\n");
        if (f.Registered.IsExact && f.TopTwo.IsExact && !double.IsNaN(f.TopTwoShare.Value))
        {
            s.Append(inv, $"figures: {f.NamesInSpace} / {f.Registered.Value} / {f.TopTwo.Value} ({100 * f.TopTwoShare.Value:0.0}%) / {f.Participants}{(f.ParticipantsIsLowerBound ? " (participants: a lower bound)" : string.Empty)}\n");
        }

        foreach (var note in f.Notes)
        {
            s.Append("note: ").Append(note).Append('\n');
        }

        return s.ToString();
    }

    private static string Count(Estimate e) => double.IsNaN(e.Value) ? string.Create(CultureInfo.InvariantCulture, $"unknown (certainly {e.Floor:0}–{e.Ceiling:0})")
        : e.IsExact ? e.Value.ToString("0", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"≈{e.Value:0} (95% interval {e.Low:0}–{e.High:0} if a random sample; certainly {e.Floor:0}–{e.Ceiling:0})");
}
