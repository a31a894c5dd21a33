using System.Globalization;
using System.Text;
using System.Text.Json;
using Landrush.Analysis;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Cli.Output;
using Landrush.Core.Dataset;
using Landrush.Reports;
using Landrush.Reports.Building;
using Landrush.Reports.Tables;

namespace Landrush.Cli.Commands;

/// <summary>What <c>landrush analyze</c> prints and writes: the text summary, the JSON object and the CSV tables of one run.</summary>
internal sealed class AnalyzeReport(AnalyzeSettings settings, RegistryDatasetHeader header, int rows, AllocationMeasures measures, VerdictResult verdict)
{
    /// <summary>Parties listed by name in the text and JSON (all are in the CSV).</summary>
    public const int ListedParties = 10;

    /// <summary>What concentration alone can and cannot show, said with every result.</summary>
    public const string ConcentrationCaveat =
        "Concentration alone proves nothing: a fair first-come-first-served race concentrates too, and parties that alone wanted whole " +
        "ranges hold them fairly. Whether the top parties won more than demand explains is the verdict's question, not these figures'.";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private ResolvedAllocation Resolved => measures.Resolved;

    private ConcentrationSummary C => measures.Concentration;

    /// <summary>The assumptions behind the figures, in words.</summary>
    public IReadOnlyList<string> Assumptions()
    {
        var list = new List<string>
        {
            "Registered means status active, inactive or quarantine; rows with status unknown are neither registered nor free.",
        };
        list.AddRange(Resolved.Audit.Notes);
        list.Add(string.Create(Inv, $"Attractive (contested) names: NameAttractiveness weight >= {settings.Indicators.AttractiveWeight} (every name of 1-3 digits and the patterned 4-digit ones)."));
        list.Add("Indicator references are random assignment of the observed holdings among the registered names (closed forms; they ignore demand).");
        if (Resolved.Unknown > 0 || Resolved.Missing > 0)
        {
            list.Add(string.Create(Inv, $"The dataset is incomplete: {Resolved.Unknown:N0} names unknown and {Resolved.Missing:N0} without a row; every figure is over the names known to be registered."));
        }

        list.AddRange(VerdictReport.Assumptions(verdict, Resolved.HolderUnknown));
        return list;
    }

    public string Text()
    {
        var a = Resolved.Allocation;
        var sb = new StringBuilder();
        void Line(FormattableString s) => sb.Append(s.ToString(Inv)).Append('\n');

        Line($"dataset {settings.DataPath}");
        if (Resolved.Synthetic)
        {
            Line($"  SYNTHETIC: {header.Provenance ?? "rows from a reconstruction"} (not registry data)");
        }

        Line($"space {header.Space.Spec} under .{header.Tld}: {header.Space.Count:N0} names, {rows:N0} rows ({Resolved.Missing:N0} missing, {Resolved.Unknown:N0} unknown)");
        // One registered count everywhere (analyze, report, reproduce): names whose holder does not show are registered.
        Line($"registered {C.Registered + Resolved.HolderUnknown:N0}{(Resolved.HolderUnknown > 0 ? string.Create(Inv, $" ({Resolved.HolderUnknown:N0} with an unknown holder: no registrant, registrar or name servers; left out of the figures by party below)") : string.Empty)}");
        Line($"parties holding a name {C.PartiesHolding:N0} (party key {Words.Key(settings.Parties.Key)}, shared-hosting K = {settings.Parties.SharedHostingThreshold}){(C.Participants is { } p ? string.Create(Inv, $"; participants given {p:N0}") : string.Empty)}");
        if (C.Registered == 0)
        {
            Line($"{(Resolved.HolderUnknown > 0 ? "none of the registered names shows its holder" : "no registered names")}: no share, concentration or indicator is defined.");
        }
        else
        {
            Line($"top two hold {C.Top2:N0} of the {C.Registered:N0} names whose holder shows ({Pct((double)C.Top2 / C.Registered)}): {string.Join(", ", Enumerable.Range(0, Math.Min(2, a.PartyCount)).Select(i => string.Create(Inv, $"{a.PartyLabels[i]} {Resolved.Audit.Parties[i].Holdings:N0}")))}");
            Line($"CR1 {F(C.Cr1)}  CR2 {F(C.Cr2)}  CR4 {F(C.Cr.Count >= 4 ? C.Cr[3] : 1.0)}");
            Line($"HHI {C.Hhi:N0} of 10,000: {Words.Band(C.Band!.Value)} (2023 US Merger Guidelines: above 1,800 highly, 1,000-1,800 moderately); normalised {Or("hhi_normalized", C.HhiNormalized)}; 1/HHI = {C.NumbersEquivalent:F2} equal holders");
            Line($"Gini over holders {Or("gini", C.Gini)}; over all participants {Or("gini_all", C.GiniAll)}");
            Line($"Theil T over holders {Or("theil", C.Theil)}{(C.Participants is null ? string.Empty : string.Create(Inv, $"; over all participants {Or("theil_all", C.TheilAll)}"))}");
        }

        Line($"");
        Line($"by name length:");
        foreach (var g in measures.ByLength)
        {
            Line($"  {g.Group,-10} {g.Registered,7:N0} registered of {(g.SpaceNames is { } s ? s.ToString("N0", Inv) : "?"),7}; {TopOf(g)}");
        }

        Line($"parties (largest {Math.Min(ListedParties, a.PartyCount)} of {a.PartyCount}):");
        foreach (var party in Resolved.Audit.Parties.Take(ListedParties))
        {
            Line($"  {party.Index + 1,3}. {party.Label} {(party.DisplayName is { } d ? $"({d}) " : string.Empty)}{party.Holdings,6:N0} names, {party.Handles.Count} identit{(party.Handles.Count == 1 ? "y" : "ies")}, registrar {string.Join("; ", party.Registrars.Take(3))}");
        }

        if (Resolved.Audit.SharedHostingSets.Count > 0)
        {
            Line($"shared-hosting name-server sets ignored as evidence: {Resolved.Audit.SharedHostingSets.Count} (more than K = {settings.Parties.SharedHostingThreshold} unrelated identities each)");
        }

        Line($"");
        Line($"indicators:");
        foreach (var i in measures.Indicators)
        {
            Line($"  [{i.Name}] {i.Reading}");
        }

        Line($"");
        if (verdict.NullModels.Count > 0)
        {
            Line($"null models ({verdict.NullModels[0].Runs:N0} runs each, {verdict.Participants} participants): CR2 observed {verdict.NullModels[0].Cr2.Observed:F4}");
            foreach (var m in verdict.NullModels)
            {
                Line($"  {Words.Model(m.Model),-15} CR2 mean {m.Cr2.Mean:F4}, 95% {m.Cr2.Low:F4}-{m.Cr2.High:F4}, observed at percentile {m.Cr2.Percentile:F1}, p = {m.Cr2.PValue:G3}");
            }
        }

        if (verdict.ImpliedCapacities.Count > 0)
        {
            Line($"implied capacity multiple (relative to a typical participant):");
            foreach (var c in verdict.ImpliedCapacities)
            {
                Line($"  {c.Label}: {c.Holdings:N0} names, {(c.Tested ? $"{c.RaceLosses:N0} of the {c.RaceNames:N0} names of its spans lost to others; {MultipleText(c)}, p (at most k) {c.PValue:G3}" : "no numeric span: not read")}");
            }
        }

        if (verdict.Sensitivity.Count > 0)
        {
            Line($"sensitivity to the inferred demand:");
            foreach (var r in verdict.Sensitivity)
            {
                Line($"  {r.Variant,-22} excess {(r.ExcessCapacity ? "yes" : "no "),-3}  p {r.PValue:G3}  multiples {string.Join(" / ", r.Multiples.Select(x => x is { } v ? v.ToString("0.##", Inv) : "n/a"))}  demand explains {Pct(r.ExplainedByDemand)}{(r.Contradicted is { } why ? $"  (set aside: {why})" : "")}");
            }
        }

        // A headline and a line per party: the verdict's whole text is in --json and in the report.
        foreach (var line in VerdictSummary.Lines(verdict, Resolved.HolderUnknown, "in --json (verdict.plain) and in report.md ('landrush report --out DIR')"))
        {
            Line($"{line}");
        }

        // Said with every result (the verdict's full words, which carried it, are no longer on the terminal).
        Line($"caveat: {ConcentrationCaveat}");

        Line($"assumptions:");
        foreach (var s in Assumptions())
        {
            Line($"  - {s}");
        }

        Line($"seed {verdict.Seed}, sims {settings.Sims}, excess threshold k = {settings.ExcessThreshold}: the same seed gives the same output");
        return sb.ToString();

        string TopOf(GroupShare g) => g.TopParty is { } t
            ? string.Create(Inv, $"largest {a.PartyLabels[t]} {g.Holdings[t]:N0} ({Pct(g.TopShare)}), CR2 {g.Cr2:F3}")
            : "none registered";
    }

    public string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("dataset", settings.DataPath);
            w.WriteBoolean("synthetic", Resolved.Synthetic);
            Str(w, "provenance", header.Provenance);
            w.WriteString("space", header.Space.Spec);
            w.WriteString("tld", header.Tld);
            w.WriteNumber("names", header.Space.Count);
            w.WriteNumber("rows", rows);
            w.WriteNumber("missing", Resolved.Missing);
            w.WriteNumber("unknown", Resolved.Unknown);
            // One count: registered names, those with an unknown holder included; the figures by party are over the rest.
            w.WriteNumber("registered", C.Registered + Resolved.HolderUnknown);
            w.WriteNumber("registered_holder_unknown", Resolved.HolderUnknown);
            w.WriteNumber("registered_holder_known", C.Registered);
            w.WriteNumber("participants", C.PartiesHolding);
            Num(w, "participants_given", C.Participants);
            w.WriteString("party_key", Words.Key(settings.Parties.Key));
            w.WriteNumber("shared_hosting_threshold", settings.Parties.SharedHostingThreshold);
            w.WriteNumber("top2", C.Top2);
            Num(w, "top2_share", C.Registered == 0 ? null : (double)C.Top2 / C.Registered);
            Num(w, "cr1", C.Cr1);
            Num(w, "cr2", C.Cr2);
            w.WriteStartArray("cr");
            foreach (var x in C.Cr)
            {
                w.WriteNumberValue(x);
            }

            w.WriteEndArray();
            Num(w, "hhi", C.Hhi);
            Str(w, "hhi_band", C.Band is { } b ? Words.Band(b) : null);
            Num(w, "hhi_normalized", C.HhiNormalized);
            Num(w, "hhi_equivalent", C.NumbersEquivalent);
            Num(w, "gini", C.Gini);
            Num(w, "gini_all", C.GiniAll);
            Num(w, "theil", C.Theil);
            if (C.Participants is not null)
            {
                Num(w, "theil_all", C.TheilAll);
                Num(w, "hhi_normalized_all", C.HhiNormalizedAll);
            }

            w.WriteStartObject("undefined");
            foreach (var (figure, why) in C.Undefined.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(figure, why);
            }

            w.WriteEndObject();
            w.WriteStartArray("parties");
            foreach (var p in Resolved.Audit.Parties.Take(ListedParties))
            {
                w.WriteStartObject();
                w.WriteNumber("party", p.Index);
                w.WriteString("label", p.Label);
                Str(w, "registrant_name", p.DisplayName);
                w.WriteNumber("holdings", p.Holdings);
                w.WriteNumber("share", (double)p.Holdings / C.Registered);
                w.WriteNumber("identities", p.Handles.Count);
                w.WriteStartArray("registrars");
                foreach (var r in p.Registrars)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("shared_hosting_sets", Resolved.Audit.SharedHostingSets.Count);
            w.WriteNumber("hidden_registrant_names", Resolved.Audit.HiddenRegistrantNames);
            w.WriteStartArray("registrar_fronts");
            foreach (var f in Resolved.Audit.RegistrarFronts)
            {
                w.WriteStartObject();
                w.WriteString("party", f.PartyLabel);
                w.WriteStartArray("registrars");
                foreach (var r in f.Registrars)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteNumber("names", f.PartyNames.Sum());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("indicators");
            foreach (var i in measures.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("name", i.Name);
                Str(w, "party", i.Party);
                Num(w, "value", i.Value);
                Num(w, "reference", i.Reference);
                w.WriteString("reference_model", i.ReferenceModel);
                Num(w, "p_value", i.PValue);
                w.WriteString("reading", i.Reading);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteVerdict(w);
            w.WriteString("caveat", ConcentrationCaveat);
            w.WriteStartArray("assumptions");
            foreach (var s in Assumptions())
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteNumber("seed", settings.Seed);
            w.WriteNumber("sims", settings.Sims);
            w.WriteNumber("excess_threshold", settings.ExcessThreshold);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The CSV tables written with <c>--out</c>, by file name.</summary>
    public IReadOnlyList<(string Name, Action<TextWriter> Write)> Tables()
    {
        var audit = Resolved.Audit;
        var labels = Resolved.Allocation.PartyLabels;
        // The report's label for the same data (RegistryDataset.SyntheticBecause), so that both commands' tables say the same.
        var synthetic = !Resolved.Synthetic ? null
            : header.IsSynthetic ? header.Provenance : $"rows from a reconstruction, though the declared provenance is {header.Provenance ?? "none"}";
        return
        [
            ("parties.csv", w => PartyAuditCsv.WriteParties(w, audit, synthetic)),
            ("party-merges.csv", w => PartyAuditCsv.WriteMerges(w, audit, synthetic)),
            ("shared-hosting.csv", w => PartyAuditCsv.WriteSharedHosting(w, audit, synthetic)),
            ("registrar-fronts.csv", w => PartyAuditCsv.WriteRegistrarFronts(w, audit, synthetic)),
            ("concentration.csv", w => ConcentrationCsv.WriteSummary(w, C, Resolved.HolderUnknown, synthetic)),
            ("lorenz.csv", w => ConcentrationCsv.WriteLorenz(w, C.Lorenz, synthetic)),
            ("shares-by-length.csv", w => ConcentrationCsv.WriteGroups(w, measures.ByLength, labels, synthetic)),
            ("shares-by-block.csv", w => ConcentrationCsv.WriteGroups(w, measures.ByBlock, labels, synthetic)),
            ("indicators.csv", w => IndicatorCsv.Write(w, measures.Indicators, synthetic)),
        ];
    }

    private static string Pct(double x) => (100 * x).ToString("F1", Inv) + "%";

    // "12.3x (95% 8.1x to 20x)", "above 40x", or "not bounded by the data".
    private static string MultipleText(ImpliedCapacity c) =>
        c.Multiple is { } m ? $"{m.ToString("0.##", Inv)}x (95% {c.Low.ToString("0.##", Inv)}x to {(c.High is { } h ? h.ToString("0.##", Inv) + "x" : "unbounded")})"
        : c.Above ? $"above {c.Low.ToString("0.##", Inv)}x"
        : "not bounded by the data";

    private void WriteVerdict(Utf8JsonWriter w)
    {
        w.WriteStartObject("null_models");
        foreach (var m in verdict.NullModels)
        {
            w.WriteStartObject(Words.Model(m.Model));
            w.WriteNumber("runs", m.Runs);
            w.WriteNumber("participants", m.Participants);
            Statistic(w, "cr2", m.Cr2);
            Statistic(w, "hhi", m.Hhi);
            Statistic(w, "gini", m.Gini);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("implied_capacity");
        foreach (var c in verdict.ImpliedCapacities)
        {
            w.WriteStartObject();
            w.WriteString("party", c.Label);
            w.WriteNumber("holdings", c.Holdings);
            w.WriteNumber("race_names", c.RaceNames);
            w.WriteNumber("race_losses", c.RaceLosses);
            Num(w, "expected_wanted", c.ExpectedWanted);
            Num(w, "multiple", c.Multiple);
            Num(w, "low", c.Identified ? c.Low : null);
            Num(w, "high", c.High);
            // "above low": the data bound the multiple only from below.
            w.WriteBoolean("above", c.Above);
            if (c.SendOrder is { } order)
            {
                w.WriteString("send_order", order);
            }
            else
            {
                w.WriteNull("send_order");
            }

            Num(w, "p_value", c.PValue);
            Power(w, c.Power);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var v = verdict.Verdict;
        w.WriteStartObject("verdict");
        w.WriteString("status", Words.Status(v.Status));
        if (v.ExcessCapacity is { } excess)
        {
            w.WriteBoolean("excess_capacity", excess);
        }
        else
        {
            w.WriteNull("excess_capacity");
        }

        Num(w, "p_value", v.PValue);
        w.WriteStartArray("parties");
        foreach (var p in v.Parties)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        Num(w, "explained_by_demand", v.ExplainedByDemand);
        Num(w, "expected_cr2", v.ExpectedCr2);
        Num(w, "observed_cr2", v.ObservedCr2);
        w.WriteNumber("excess_threshold", v.Threshold);
        w.WriteNumber("alpha", v.Alpha);
        Power(w, v.Power ?? []);
        w.WriteString("plain", VerdictReport.Plain(verdict, Resolved.HolderUnknown));
        w.WriteEndObject();
        w.WriteStartArray("sensitivity");
        foreach (var r in verdict.Sensitivity)
        {
            w.WriteStartObject();
            w.WriteString("variant", r.Variant);
            w.WriteString("description", r.Description);
            w.WriteBoolean("excess_capacity", r.ExcessCapacity);
            Num(w, "p_value", r.PValue);
            if (r.Contradicted is { } why)
            {
                w.WriteString("contradicted", why);
            }
            else
            {
                w.WriteNull("contradicted");
            }

            w.WriteStartArray("multiples");
            foreach (var x in r.Multiples)
            {
                if (x is { } m && double.IsFinite(m))
                {
                    w.WriteNumberValue(m);
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndArray();
            w.WriteNumber("contested_names", r.ContestedNames);
            Num(w, "expected_cr2", r.ExpectedCr2);
            Num(w, "explained_by_demand", r.ExplainedByDemand);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("spans");
        foreach (var r in verdict.Spans)
        {
            w.WriteStartObject();
            w.WriteString("party", Resolved.Allocation.PartyLabels[r.Party]);
            w.WriteString("axis", r.Width == 0 ? "plain" : "padded");
            w.WriteString("first", r.FirstLabel);
            w.WriteString("last", r.LastLabel);
            w.WriteNumber("names", r.Length);
            w.WriteNumber("held", r.Held);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // The power of the test at 3x, 5x and 10x ([] when not computed).
    private static void Power(Utf8JsonWriter w, IReadOnlyList<PowerAt> power)
    {
        w.WriteStartArray("power");
        foreach (var p in power)
        {
            w.WriteStartObject();
            w.WriteNumber("multiple", p.Multiple);
            w.WriteNumber("probability", p.Probability);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Statistic(Utf8JsonWriter w, string name, StatisticSummary s)
    {
        w.WriteStartObject(name);
        Num(w, "observed", s.Observed);
        Num(w, "mean", s.Mean);
        Num(w, "low", s.Low);
        Num(w, "high", s.High);
        Num(w, "percentile", s.Percentile);
        Num(w, "p_value", s.PValue);
        w.WriteEndObject();
    }

    private static string F(double? x) => x is { } v ? v.ToString("F4", Inv) : "undefined";

    private string Or(string figure, double? x) =>
        x is { } v ? v.ToString("F4", Inv) : "undefined (" + (C.Undefined.TryGetValue(figure, out var why) ? why : "not computed") + ")";

    private static void Num(Utf8JsonWriter w, string name, double? x)
    {
        if (x is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Num(Utf8JsonWriter w, string name, int? x)
    {
        if (x is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Str(Utf8JsonWriter w, string name, string? s)
    {
        if (s is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, s);
        }
    }
}
