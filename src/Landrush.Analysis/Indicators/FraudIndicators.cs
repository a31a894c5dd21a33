using System.Globalization;
using Landrush.Analysis.Parties;
using Landrush.Core.Model.Demand;
using MathNet.Numerics.Distributions;

namespace Landrush.Analysis.Indicators;

/// <summary>
/// The fraud indicators of an allocation: range capture, premium capture, timing, identity splitting and
/// registrar fronts. References here are the ones with a closed form under random assignment of the observed
/// holdings (a neutral spread that ignores demand); the demand-aware references are the verdict's.
/// </summary>
public static class FraudIndicators
{
    /// <summary>The reference model of every closed-form reference below.</summary>
    public const string RandomAssignment = "random assignment of the observed holdings among the registered names (closed form; ignores demand)";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Without a profile's name classes only the generic patterns make a name attractive.
    private static readonly NameAttractiveness NoAreaCodes = new([]);

    /// <summary>Every indicator, per party for the <see cref="IndicatorOptions.TopParties"/> largest holders.</summary>
    public static IReadOnlyList<Indicator> Of(ResolvedAllocation resolved, IndicatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        options ??= new IndicatorOptions();
        var list = new List<Indicator>();
        var top = Math.Min(options.TopParties, resolved.Allocation.PartyCount);
        for (var p = 0; p < top; p++)
        {
            list.AddRange(RangeCapture(resolved.Allocation, p, options));
        }

        for (var p = 0; p < top; p++)
        {
            list.Add(PremiumCapture(resolved.Allocation, p, options));
        }

        list.AddRange(Timing(resolved, top));
        for (var p = 0; p < top; p++)
        {
            list.Add(IdentitySplitting(resolved.Audit, p));
        }

        list.AddRange(RegistrarFronts(resolved.Audit));
        return list;
    }

    /// <summary>
    /// Range capture of one party: its longest run of consecutive registered names (space order), the
    /// Wald–Wolfowitz runs test of its names among the others', and its share of the numeric block when the options name one.
    /// </summary>
    public static IReadOnlyList<Indicator> RangeCapture(ObservedAllocation allocation, int party, IndicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(options);
        var label = allocation.PartyLabels[party];
        var h = allocation.Registered;
        var mine = new bool[h];
        var held = 0;
        for (var i = 0; i < h; i++)
        {
            mine[i] = allocation.PartyOf[i] == party;
            held += mine[i] ? 1 : 0;
        }

        var share = h == 0 ? double.NaN : (double)held / h;
        var list = new List<Indicator>();

        var longest = RunsTest.LongestRun(mine);
        var (from, to) = LongestRunBounds(mine, longest);
        var expected = RunsTest.ExpectedLongestRunApprox(h, share);
        // A nested $"…" is formatted on its own, with the current culture: it takes Inv too.
        list.Add(new Indicator(
            "range.longest_run", label, longest, Defined(expected), "Bernoulli approximation of " + RandomAssignment, null,
            longest == 0
                ? "holds no registered name"
                : string.Create(Inv, $"{label} holds an unbroken run of {longest:N0} consecutive registered names ({allocation.Space.NameAt(allocation.NameIndex[from])} … {allocation.Space.NameAt(allocation.NameIndex[to])}){(double.IsNaN(expected) ? "; no reference (it holds nearly everything)" : string.Create(Inv, $", against about {expected:F1} expected if its names lay at random among the registered ones"))}.")));

        var test = RunsTest.Test(mine);
        list.Add(test is null
            ? new Indicator("range.runs", label, null, null, "Wald–Wolfowitz, " + RandomAssignment, null,
                $"{label}: runs test undefined: it holds all or none of the registered names, so there is no interleaving to test.")
            : new Indicator("range.runs", label, test.Runs, test.Mean, "Wald–Wolfowitz, " + RandomAssignment, test.PLower,
                string.Create(Inv, $"{label}'s names form {test.Runs:N0} runs among the others' against {test.Mean:N1} expected at random (z = {test.Z:F1}, one-sided p = {P(test.PLower)}): {(test.PLower < 0.05 ? "its names are clustered in ranges" : "no sign of clustering")}.")));

        if (options.Block is { } block)
        {
            list.Add(BlockShare(allocation, party, held, block));
        }

        return list;
    }

    /// <summary>Premium capture: the party's share of the attractive (contested) registered names against its share of all.</summary>
    public static Indicator PremiumCapture(ObservedAllocation allocation, int party, IndicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(options);
        var label = allocation.PartyLabels[party];
        var weights = options.Attractiveness ?? NoAreaCodes;
        int attractive = 0, mineAttractive = 0, held = 0;
        for (var i = 0; i < allocation.Registered; i++)
        {
            var isMine = allocation.PartyOf[i] == party;
            held += isMine ? 1 : 0;
            if (weights.Weight(allocation.Space.NameAt(allocation.NameIndex[i])) >= options.AttractiveWeight)
            {
                attractive++;
                mineAttractive += isMine ? 1 : 0;
            }
        }

        if (attractive == 0)
        {
            return new Indicator("premium.attractive_share", label, null, null, RandomAssignment, null,
                string.Create(Inv, $"undefined: no name with a known holder reaches attractiveness weight {options.AttractiveWeight} (the weights know numeric labels only)."));
        }

        var share = (double)held / allocation.Registered;
        var value = (double)mineAttractive / attractive;
        var p = UpperTail(allocation.Registered, attractive, held, mineAttractive);
        return new Indicator("premium.attractive_share", label, value, share, RandomAssignment, p,
            string.Create(Inv, $"{label} holds {mineAttractive:N0} of the {attractive:N0} attractive registered names ({Pct(value)}) against {Pct(share)} of all names (p = {P(p)} for as many by chance): {(value > share ? "more" : "no more")} of the contested names than its overall share{(value > share && p < 0.05 ? " — a sign of winning races that others ran too, or of wanting them more" : string.Empty)}."));
    }

    /// <summary>
    /// Timing: per creation date, the party's share of that day's registrations against its share of all. The
    /// dataset holds dates, not times, so per-hour and first-hour shares are reported undefined.
    /// </summary>
    public static IReadOnlyList<Indicator> Timing(ResolvedAllocation resolved, int topParties)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var a = resolved.Allocation;
        var list = new List<Indicator>();
        var dated = Enumerable.Range(0, a.Registered).Where(i => resolved.Created[i] is not null).ToList();
        if (dated.Count == 0)
        {
            list.Add(new Indicator("timing.day_share", null, null, null, RandomAssignment, null,
                "undefined: the dataset has no creation dates."));
            return list;
        }

        var days = dated.GroupBy(i => resolved.Created[i]!.Value).OrderBy(g => g.Key).ToList();
        for (var p = 0; p < topParties; p++)
        {
            var label = a.PartyLabels[p];
            var held = dated.Count(i => a.PartyOf[i] == p);
            var share = (double)held / dated.Count;
            foreach (var day in days)
            {
                var mine = day.Count(i => a.PartyOf[i] == p);
                var value = (double)mine / day.Count();
                var pv = UpperTail(dated.Count, day.Count(), held, mine);
                var date = day.Key.ToString("yyyy-MM-dd", Inv);
                list.Add(new Indicator($"timing.day_share:{date}", label, value, share, RandomAssignment, pv,
                    string.Create(Inv, $"{label} registered {mine:N0} of the {day.Count():N0} names created on {date} ({Pct(value)}) against {Pct(share)} of all dated names (p = {P(pv)} for as many by chance).")));
            }
        }

        list.Add(new Indicator("timing.hour_share", null, null, null, RandomAssignment, null,
            "undefined: the dataset records creation dates, not times of day, so per-hour and first-hour shares cannot be measured."));
        return list;
    }

    /// <summary>Identity splitting: how many identities (registrant handles) were merged into the party, against the median party.</summary>
    public static Indicator IdentitySplitting(PartyAudit audit, int party)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var p = audit.Parties[party];
        var counts = audit.Parties.Select(x => (double)x.Handles.Count).ToArray();
        var median = MathNet.Numerics.Statistics.Statistics.Median(counts);
        var how = p.Merges.Count == 0
            ? "none merged"
            : "joined by " + string.Join(", ", p.Merges.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => $"{KindText(g.Key)} ×{g.Count()}"));
        var reading = audit.Key == PartyKey.Resolved
            ? string.Create(Inv, $"{p.Label} appears under {p.Handles.Count} identit{(p.Handles.Count == 1 ? "y" : "ies")} ({how}); the median party has {median:0.#}.")
            : $"party key is {audit.Key.ToString().ToLowerInvariant()}: identities are not merged, so splitting is not measured.";
        return new Indicator("identity.handles", p.Label, p.Handles.Count, median, "median over all parties", null, reading);
    }

    /// <summary>Registrar fronts: parties that used several registrars each holding mostly their names.</summary>
    public static IReadOnlyList<Indicator> RegistrarFronts(PartyAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var list = new List<Indicator>
        {
            new("registrar.fronts", null, audit.RegistrarFronts.Count, null, "none: a holder normally registers through one registrar", null,
                audit.RegistrarFronts.Count == 0
                    ? "No party used several registrars that each hold mostly its names."
                    : string.Create(Inv, $"{audit.RegistrarFronts.Count} part{(audit.RegistrarFronts.Count == 1 ? "y" : "ies")} used several registrars that each hold mostly its names.")),
        };
        foreach (var f in audit.RegistrarFronts)
        {
            var regs = string.Join(", ", f.Registrars.Select((r, i) => string.Create(Inv, $"{r} ({f.PartyNames[i]:N0} of {f.RegistrarNames[i]:N0})")));
            list.Add(new Indicator("registrar.front", f.PartyLabel, f.Registrars.Count, null, "none", null,
                $"{f.PartyLabel} holds most names of {f.Registrars.Count} registrars: {regs}; linked by {f.Evidence.Count} cross-registrar merge(s)."));
        }

        return list;
    }


    /// <summary>P(X ≥ x) for X ~ Hypergeometric(population, successes, draws): as many or more by chance.</summary>
    internal static double UpperTail(int population, int successes, int draws, int x) =>
        x <= 0 ? 1.0 : Math.Clamp(1.0 - Hypergeometric.CDF(population, successes, draws, x - 1), 0.0, 1.0);

    private static Indicator BlockShare(ObservedAllocation allocation, int party, int held, NumericBlock block)
    {
        var label = allocation.PartyLabels[party];
        var name = string.Create(Inv, $"range.block_share:{block.Low}-{block.High}");
        int inBlock = 0, mine = 0;
        for (var i = 0; i < allocation.Registered; i++)
        {
            if (Concentration.GroupShares.NumericValue(allocation.Space.NameAt(allocation.NameIndex[i])) is { } v
                && v >= block.Low && v <= block.High)
            {
                inBlock++;
                mine += allocation.PartyOf[i] == party ? 1 : 0;
            }
        }

        if (inBlock == 0)
        {
            return new Indicator(name, label, null, null, RandomAssignment, null,
                string.Create(Inv, $"undefined: no name with a known holder is a number in {block.Low}–{block.High}."));
        }

        var share = (double)held / allocation.Registered;
        var value = (double)mine / inBlock;
        var p = UpperTail(allocation.Registered, inBlock, held, mine);
        return new Indicator(name, label, value, share, RandomAssignment, p,
            string.Create(Inv, $"{label} holds {mine:N0} of the {inBlock:N0} registered names of the block {block.Low}–{block.High} ({Pct(value)}) against {Pct(share)} of all names (p = {P(p)})."));
    }

    private static (int From, int To) LongestRunBounds(bool[] mine, int longest)
    {
        var current = 0;
        for (var i = 0; i < mine.Length; i++)
        {
            current = mine[i] ? current + 1 : 0;
            if (longest > 0 && current == longest)
            {
                return (i - longest + 1, i);
            }
        }

        return (0, 0);
    }

    private static double? Defined(double x) => double.IsNaN(x) ? null : x;

    private static string P(double p) => p < 1e-15 ? "< 1e-15" : p.ToString("G3", Inv);

    private static string Pct(double x) => (100 * x).ToString("F1", Inv) + "%";

    private static string KindText(PartyLinkKind kind) => kind switch
    {
        PartyLinkKind.AdminHandle => "admin handle",
        PartyLinkKind.RegistrantName => "registrant name",
        _ => "name-server set",
    };
}
