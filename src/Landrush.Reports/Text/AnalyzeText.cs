using System.Globalization;
using System.Text;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Reports.Verdict;

namespace Landrush.Reports.Text;

/// <summary>The terminal summary of <c>landrush analyze</c>: the dataset, concentration, parties, indicators, null models,
/// capacity and sensitivity, the verdict's headline, the caveat and the assumptions.</summary>
public sealed class AnalyzeText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly AnalyzeResult result;

    private readonly StringBuilder sb = new();

    private AnalyzeText(AnalyzeResult result) => this.result = result;

    private ResolvedAllocation Resolved => result.Resolved;

    private ConcentrationSummary C => result.Concentration;

    private VerdictResult Verdict => result.Verdict;

    /// <summary>The summary, every line ending in <c>\n</c>.</summary>
    /// <param name="result">The run.</param>
    /// <param name="verdictSummary">The verdict's headline and a line per party, printed before the caveat.</param>
    public static string Render(AnalyzeResult result, IEnumerable<string> verdictSummary)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(verdictSummary);
        var text = new AnalyzeText(result);
        text.Dataset();
        text.Concentration();
        text.Parties();
        text.NullModels();
        text.Closing(verdictSummary);
        return text.sb.ToString();
    }

    private static string Pct(double x) => (100 * x).ToString("F1", Inv) + "%";

    // "12.3x (95% 8.1x to 20x)", "1.4x (95% up to 20x)", "above 40x", "below 1.5x", or "not bounded by the data".
    private static string MultipleText(ImpliedCapacity c) =>
        MultipleWords.Reading(c.Range, "0.##", "x", "not bounded by the data")
        + (MultipleWords.Interval(c.Range, "0.##", "x") is { } i ? $" (95% {i})" : "");

    private static string F(double? x) => x is { } v ? v.ToString("F4", Inv) : "undefined";

    // Inv reaches this string's own holes only: a nested $"…" is formatted on its own, so it takes string.Create(Inv, …).
    private void Line(FormattableString s) => sb.Append(s.ToString(Inv)).Append('\n');

    private void Dataset()
    {
        var header = result.Header;
        Line($"dataset {result.DataPath}");
        if (Resolved.Synthetic)
        {
            Line($"  SYNTHETIC: {header.Provenance ?? "rows from a reconstruction"} (not registry data)");
        }

        Line($"space {header.Space.Spec} under .{header.Tld}: {header.Space.Count:N0} names, {result.Rows:N0} rows ({Resolved.Missing:N0} missing, {Resolved.Unknown:N0} unknown)");
        // One registered count everywhere (analyze, report, reproduce): names whose holder does not show are registered.
        Line($"registered {C.Registered + Resolved.HolderUnknown:N0}{(Resolved.HolderUnknown > 0 ? string.Create(Inv, $" ({Resolved.HolderUnknown:N0} with an unknown holder: no registrant, registrar or name servers; left out of the figures by party below)") : string.Empty)}");
        Line($"parties holding a name {C.PartiesHolding:N0} (party key {Words.Key(result.Parties.Key)}, shared-hosting K = {result.Parties.SharedHostingThreshold}){(C.Participants is { } p ? string.Create(Inv, $"; participants given {p:N0}") : string.Empty)}");
    }

    private void Concentration()
    {
        var a = Resolved.Allocation;
        if (C.Registered == 0)
        {
            Line($"{(Resolved.HolderUnknown > 0 ? "none of the registered names shows its holder" : "no registered names")}: no share, concentration or indicator is defined.");
            return;
        }

        Line($"top two hold {C.Top2:N0} of the {C.Registered:N0} names whose holder shows ({Pct((double)C.Top2 / C.Registered)}): {string.Join(", ", Enumerable.Range(0, Math.Min(2, a.PartyCount)).Select(i => string.Create(Inv, $"{a.PartyLabels[i]} {Resolved.Audit.Parties[i].Holdings:N0}")))}");
        Line($"CR1 {F(C.Cr1)}  CR2 {F(C.Cr2)}  CR4 {F(C.Cr.Count >= 4 ? C.Cr[3] : 1.0)}");
        Line($"HHI {C.Hhi:N0} of 10,000: {Words.Band(C.Band!.Value)} (2023 US Merger Guidelines: above 1,800 highly, 1,000-1,800 moderately); normalised {Or("hhi_normalized", C.HhiNormalized)}; 1/HHI = {C.NumbersEquivalent:F2} equal holders");
        Line($"Gini over holders {Or("gini", C.Gini)}; over all participants {Or("gini_all", C.GiniAll)}");
        Line($"Theil T over holders {Or("theil", C.Theil)}{(C.Participants is null ? string.Empty : string.Create(Inv, $"; over all participants {Or("theil_all", C.TheilAll)}"))}");
    }

    private void Parties()
    {
        var a = Resolved.Allocation;
        Line($"");
        Line($"by name length:");
        foreach (var g in result.Measures.ByLength)
        {
            Line($"  {g.Group,-10} {g.Registered,7:N0} registered of {(g.SpaceNames is { } s ? s.ToString("N0", Inv) : "?"),7}{(g.HolderUnknown > 0 ? string.Create(Inv, $" ({g.HolderUnknown:N0} holder unknown)") : "")}; {TopOf(g)}");
        }

        Line($"parties (largest {Math.Min(AnalyzeResult.ListedParties, a.PartyCount)} of {a.PartyCount}):");
        foreach (var party in Resolved.Audit.Parties.Take(AnalyzeResult.ListedParties))
        {
            Line($"  {party.Index + 1,3}. {party.Label} {(party.DisplayName is { } d ? $"({d}) " : string.Empty)}{party.Holdings,6:N0} names, {party.Handles.Count} identit{(party.Handles.Count == 1 ? "y" : "ies")}, registrar {string.Join("; ", party.Registrars.Take(3))}");
        }

        if (Resolved.Audit.SharedHostingSets.Count > 0)
        {
            Line($"shared-hosting name-server sets ignored as evidence: {Resolved.Audit.SharedHostingSets.Count} (more than K = {result.Parties.SharedHostingThreshold} unrelated identities each)");
        }

        Line($"");
        Line($"indicators:");
        foreach (var i in result.Measures.Indicators)
        {
            Line($"  [{i.Name}] {i.Reading}");
        }

        Line($"");

        string TopOf(GroupShare g) => g.TopParty is { } t
            // Shares and CR2 are of the names whose holder shows: said where the group has others, which "registered" counts.
            ? string.Create(Inv, $"{(g.HolderUnknown > 0 ? string.Create(Inv, $"of the {g.Registered - g.HolderUnknown:N0} whose holder shows: ") : "")}largest {a.PartyLabels[t]} {g.Holdings[t]:N0} ({Pct(g.TopShare)}), CR2 {g.Cr2:F3}")
            : g.Registered > 0 ? "no holder shows" : "none registered";
    }

    private void NullModels()
    {
        if (Verdict.NullModels.Count > 0)
        {
            Line($"null models ({Verdict.NullModels[0].Runs:N0} runs each, {Verdict.Participants} participants): CR2 observed {Verdict.NullModels[0].Cr2.Observed:F4}");
            foreach (var m in Verdict.NullModels)
            {
                Line($"  {Words.Model(m.Model),-15} CR2 mean {m.Cr2.Mean:F4}, 95% {m.Cr2.Low:F4}-{m.Cr2.High:F4}, observed at percentile {m.Cr2.Percentile:F1}, p = {m.Cr2.PValue:G3}");
            }
        }

        if (Verdict.ImpliedCapacities.Count > 0)
        {
            Line($"implied capacity multiple (relative to a typical participant):");
            foreach (var c in Verdict.ImpliedCapacities)
            {
                Line($"  {c.Label}: {c.Holdings:N0} names, {(c.Tested ? string.Create(Inv, $"{c.RaceLosses:N0} of the {c.RaceNames:N0} names of its spans lost to others; {MultipleText(c)}, p (at most k) {c.PValue:G3}") : c.OnlyStretchClasses ? "only stretches of one class of numbers (a collection in any order): not read" : "no numeric span: not read")}");
            }
        }

        if (Verdict.Sensitivity.Count > 0)
        {
            Line($"sensitivity to the inferred demand:");
            foreach (var r in Verdict.Sensitivity)
            {
                Line($"  {r.Variant,-22} excess {(r.ExcessCapacity ? "yes" : "no "),-3}  p {r.PValue:G3}  multiples {string.Join(" / ", r.Multiples.Select(x => MultipleWords.Reading(x, "0.##", "", "n/a")))}  demand explains {Pct(r.ExplainedByDemand)}{(r.Contradiction is { } why ? $"  (set aside: {VerdictWords.SetAside(why)})" : "")}");
            }
        }
    }

    private void Closing(IEnumerable<string> verdictSummary)
    {
        // A headline and a line per party: the verdict's whole text is in --json and in the report.
        foreach (var line in verdictSummary)
        {
            Line($"{line}");
        }

        // Said with every result (the verdict's full words, which carried it, are no longer on the terminal).
        Line($"caveat: {Caveats.Concentration}");

        Line($"assumptions:");
        foreach (var s in AnalyzeAssumptions.Of(result))
        {
            Line($"  - {s}");
        }

        Line($"seed {Verdict.Seed}, sims {result.Sims}, excess threshold k = {result.ExcessThreshold}: the same seed gives the same output");
    }

    private string Or(string figure, double? x) =>
        x is { } v ? v.ToString("F4", Inv) : "undefined (" + (C.Undefined.TryGetValue(figure, out var why) ? why : "not computed") + ")";
}
