using System.Globalization;
using Landrush.Analysis;
using Landrush.Analysis.Concentration;
using Landrush.Reports.Figures;
using Landrush.Reports.Model;
using Landrush.Reports.Text;

namespace Landrush.Reports.Building;

/// <summary>
/// Builds a <see cref="Report"/> from an allocation and whatever later stages produced: the concentration
/// figures and tables are computed here from the allocation; the rest is drawn from the inputs, or marked
/// absent with the stage that did not run.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Indicator names the builder computes; an input indicator of the same name replaces it.</summary>
    public const string Cr2Indicator = "CR2 (share of the two largest parties)";

    public const string HhiIndicator = "HHI (0–10,000)";

    public const string GiniIndicator = "Gini over parties";

    public static Report Build(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var a = inputs.Allocation;
        var inv = CultureInfo.InvariantCulture;
        var holdings = a.Holdings();
        var tables = Tables(inputs, holdings);

        // The analysis's own indicator of the same name (e.g. HHI with its fair references) replaces the bare one.
        var given = inputs.Indicators.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var indicators = ConcentrationIndicators(holdings, inputs.NullModels).Where(i => !given.Contains(i.Name)).Concat(inputs.Indicators).ToList();
        var verdict = inputs.Verdict ?? NoVerdict(a, holdings);
        // Without a headline of its own, the verdict's first paragraph opens the report (and is not said twice).
        var (headline, reasoning) = inputs.Headline is { } h ? (h, verdict) : (verdict.Count > 0 ? verdict[0] : "No verdict.", verdict.Skip(1).ToList());
        var provenance = new List<string>(inputs.Provenance)
        {
            // One registered count everywhere: names whose holder does not show are registered too.
            string.Create(inv, $"Space {a.Space.Spec} under .{a.Tld}: {a.Space.Count:N0} names, {a.Registered + inputs.HolderUnknown:N0} registered{(inputs.HolderUnknown > 0 ? string.Create(inv, $" ({inputs.HolderUnknown:N0} of them with an unknown holder)") : "")}, {a.PartiesHolding():N0} parties holding names."),
        };
        return new Report(inputs.Title, inputs.DataLabel, inputs.IsSynthetic, inputs.CommandLine, inputs.Seed, headline, reasoning, inputs.Reproduced,
            Figures(inputs, holdings), tables, indicators, inputs.Assumptions, provenance)
        { SyntheticBecause = Synthetic(inputs) };
    }

    // Every figure of synthetic data carries the label, with why the data are synthetic.
    private static string? Synthetic(ReportInputs inputs) => inputs.IsSynthetic ? inputs.SyntheticBecause ?? "synthetic data" : null;

    // The allocation's figures, then the verdict's stages: drawn, or absent with the reason.
    private static List<ReportFigure> Figures(ReportInputs inputs, int[] holdings)
    {
        var a = inputs.Allocation;
        var source = new FigureSource(inputs.SourceLabel, null) { SyntheticBecause = Synthetic(inputs) };
        var seeded = source with { Seed = inputs.Seed };
        // Parties that hold nothing are participants who won nothing: they count in the Lorenz curve.
        var figures = new List<ReportFigure>
        {
            LorenzFigure.Render(holdings, source),
            RankSizeFigure.Render(holdings, source),
            LengthFigure.Render(LengthBreakdown.FromAllocation(a, holderUnknown: inputs.HolderUnknownNames), source),
            OwnershipMapFigure.Render(OwnershipGrid.FromAllocation(a, holderUnknown: inputs.HolderUnknownNames), source),
        };
        // Data that does not define the verdict's stages (no registered name, one party) says so on each of their figures.
        var undefined = inputs.UndefinedBecause;
        if (inputs.NullModels is { Count: > 0 } models && undefined is null)
        {
            figures.AddRange(models.Select(m => NullModelFigure.Render(m, seeded)));
        }
        else
        {
            figures.Add(ReportFigure.Absent("null-cr2", "CR2 under the fair-allocation models", seeded.Caption("Each null model's distribution of CR2 with the observed value marked."),
                undefined ?? "the null models did not run for this report"));
        }

        figures.Add(inputs.Capacity is { } capacity && undefined is null
            ? CapacityFigure.Render(capacity, inputs.CapacityReference, inputs.CapacityInterval, seeded)
            : NotRun(CapacityFigure.Id, "Implied capacity multiples", seeded, undefined ?? "the capacity estimate did not run for this report"));
        figures.Add(inputs.Premium is { } premium && undefined is null
            ? PremiumCaptureFigure.Render(premium, inputs.PremiumHolders, inputs.PremiumFairModel, seeded)
            : NotRun(PremiumCaptureFigure.Id, "Premium capture", seeded, undefined ?? "premium capture was not measured for this report"));
        figures.Add(inputs.Sensitivity is { } sensitivity && undefined is null
            ? SensitivityFigure.Render(sensitivity, inputs.SensitivityQuantity, seeded)
            : NotRun(SensitivityFigure.Id, "Sensitivity to the assumptions", seeded, undefined ?? "no sensitivity run was made for this report"));
        return figures;
    }

    // The report's tables: holdings, lengths, then each stage's that ran, then the analysis's own.
    private static List<ReportTable> Tables(ReportInputs inputs, int[] holdings)
    {
        var tables = new List<ReportTable> { HoldingsTable(inputs.Allocation, holdings), LengthTable(LengthBreakdown.FromAllocation(inputs.Allocation, holderUnknown: inputs.HolderUnknownNames)) };
        if (inputs.NullModels is { Count: > 0 } nm)
        {
            tables.Add(NullModelTable(nm));
        }

        if (inputs.Capacity is { Count: > 0 } cap)
        {
            tables.Add(new ReportTable("capacity-multiples", "Implied capacity multiples",
                ["party", $"capacity (× {inputs.CapacityReference})", "low", "high"],
                [.. cap.Select(c => (IReadOnlyList<string>)[c.Party, F(c.Multiple, "0.00"), F(c.Identified ? c.Low : double.NaN, "0.00"), F(c.High, "0.00")])],
                inputs.CapacityInterval));
        }

        if (inputs.Premium is { Count: > 0 } pc)
        {
            tables.Add(new ReportTable("premium-capture", "Premium capture",
                ["class of names", "observed share (%)", "fair share (%)", "fair low (%)", "fair high (%)"],
                [.. pc.Select(p => (IReadOnlyList<string>)[p.NameClass, F(100 * p.Observed, "0.0"), F(100 * p.Fair, "0.0"), F(100 * p.FairLow, "0.0"), F(100 * p.FairHigh, "0.0")])],
                $"Shares held by {inputs.PremiumHolders}; fair: {inputs.PremiumFairModel}."));
        }

        if (inputs.Sensitivity is { Count: > 0 } sens)
        {
            tables.Add(new ReportTable("sensitivity", "Sensitivity to the assumptions",
                ["scenario", inputs.SensitivityQuantity, "low", "high"],
                [.. sens.Select(s => (IReadOnlyList<string>)[s.Scenario, F(s.Value, "0.###"), F(s.Low, "0.###"), F(s.High, "0.###")])]));
        }

        tables.AddRange(inputs.Tables);
        return tables;
    }

    private static ReportFigure NotRun(string id, string title, FigureSource source, string reason) =>
        ReportFigure.Absent(id, title, source.Caption(string.Empty).TrimStart(), reason);

    // Without the verdict stage the report must not read as a verdict: it says what it has and what it lacks.
    private static List<string> NoVerdict(Analysis.ObservedAllocation a, int[] holdings)
    {
        var inv = CultureInfo.InvariantCulture;
        if (a.Registered == 0)
        {
            return ["No verdict: the data has no registered name, so there is no allocation to judge."];
        }

        var cr2 = ConcentrationRatio.Of(holdings, 2);
        return
        [
            "No verdict: the fair-allocation models did not run for this report, so it can say how concentrated the allocation is but not whether that concentration is more than a fair process gives.",
            string.Create(inv, $"The two largest parties hold {100 * cr2:0.0}% of the {a.Registered:N0} registered names. {Caveats.ProvesNothing}: a fair first-come-first-served race concentrates names too."),
        ];
    }

    private static IEnumerable<ReportIndicator> ConcentrationIndicators(int[] holdings, IReadOnlyList<NullModelDistribution>? models)
    {
        var cr2 = ConcentrationRatio.Of(holdings, 2);
        var fair = models is { Count: > 0 }
            ? string.Join("; ", models.Select(m => $"{m.Model}: {Range(m)}"))
            : "— (null models not run)";
        var reading = models is { Count: > 0 }
            ? (models.All(m => cr2 > Upper(m))
                ? "Above the 95% range of every fair model."
                : "Within the 95% range of at least one fair model.")
            : Caveats.ProvesNothing + " without a fair reference.";
        yield return new(Cr2Indicator, double.IsNaN(cr2) ? "undefined" : F(100 * cr2, "0.0") + "%", fair, reading,
            IndicatorMarks.AgainstFairModels(cr2, models?.Select(Upper) ?? []));
        var hhi = HerfindahlIndex.Of(holdings);
        yield return new(HhiIndicator, double.IsNaN(hhi) ? "undefined" : F(hhi, "N0"), "—", "Above 1,800 counts as highly concentrated in merger review (2023 US guidelines).");
        var gini = GiniCoefficient.Of(holdings);
        yield return new(GiniIndicator, double.IsNaN(gini) ? "undefined" : F(gini, "0.000"), "—", "0 is equal holdings; 1 is one party holding everything.");
    }

    private static double Upper(NullModelDistribution m) =>
        m.Cr2.Count > 0 ? Quantiles.Of(m.Cr2, 0.975) : m.High;

    private static string Range(NullModelDistribution m)
    {
        if (m.Cr2.Count == 0)
        {
            return double.IsFinite(m.Low) && double.IsFinite(m.High)
                ? string.Create(CultureInfo.InvariantCulture, $"mean {100 * m.Mean:0.0}%, 95% of runs {100 * m.Low:0.0}–{100 * m.High:0.0}%")
                : "no runs";
        }

        var sorted = m.Cr2.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? "undefined"
            : string.Create(CultureInfo.InvariantCulture,
                $"median {100 * Quantiles.OfSorted(sorted, 0.5):0.0}%, 95% of runs {100 * Quantiles.OfSorted(sorted, 0.025):0.0}–{100 * Quantiles.OfSorted(sorted, 0.975):0.0}%");
    }

    private static ReportTable HoldingsTable(Analysis.ObservedAllocation a, int[] holdings)
    {
        long total = holdings.Sum(h => (long)h);
        var order = Enumerable.Range(0, holdings.Length).Where(p => holdings[p] > 0).OrderByDescending(p => holdings[p]).ThenBy(p => p);
        var rows = order.Select((p, rank) => (IReadOnlyList<string>)
        [
            (rank + 1).ToString(CultureInfo.InvariantCulture), a.PartyLabels[p], holdings[p].ToString(CultureInfo.InvariantCulture),
            F(100.0 * holdings[p] / total, "0.00"),
        ]).ToList();
        return new ReportTable("holdings", "Holdings by party", ["rank", "party", "names held", "share of registered (%)"], rows,
            rows.Count == 0 ? "No party holds a name." : null);
    }

    private static ReportTable LengthTable(LengthBreakdown b)
    {
        var columns = new List<string> { "length", "names of that length" };
        columns.AddRange(b.Groups.Select(g => $"held by {g}"));
        // Registered names whose holder does not show are registered all the same: their own column, not "free".
        var unknown = b.Rows.Any(r => r.HolderUnknown > 0);
        if (unknown)
        {
            columns.Add("registered, holder unknown");
        }

        columns.Add("free or unknown");
        var rows = b.Rows.Select(r =>
        {
            var cells = new List<string> { r.Length.ToString(CultureInfo.InvariantCulture), r.NamesOfLength.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(r.HeldByGroup.Select(h => h.ToString(CultureInfo.InvariantCulture)));
            if (unknown)
            {
                cells.Add(r.HolderUnknown.ToString(CultureInfo.InvariantCulture));
            }

            cells.Add((r.NamesOfLength - r.HeldByGroup.Sum(h => (long)h) - r.HolderUnknown).ToString(CultureInfo.InvariantCulture));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        return new ReportTable("holdings-by-length", "Holdings by name length", columns, rows);
    }

    private static ReportTable NullModelTable(IReadOnlyList<NullModelDistribution> models) =>
        new("null-models", "CR2 under the fair-allocation models",
            ["model", "runs", "CR2 observed (%)", "CR2 simulated", "p-value"],
            [.. models.Select(m => (IReadOnlyList<string>)
            [
                m.Model, (m.Cr2.Count > 0 ? m.Cr2.Count : m.SummaryRuns).ToString(CultureInfo.InvariantCulture), F(100 * m.Observed, "0.0"), Range(m),
                m.PValue is { } p ? F(p, "0.####") : "—",
            ])]);

    private static string F(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";
}
