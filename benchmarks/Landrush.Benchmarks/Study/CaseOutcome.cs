using System.Globalization;

namespace Landrush.Benchmarks.Study;

/// <summary>One landrush of the study: the analyzer's reading, the two oracles' answers (true lists; true demand) and the time the verdict took.</summary>
internal sealed record CaseOutcome(VerdictReading Reading, bool OracleExcess, Dictionary<string, double> OracleMultiples, double Seconds,
    bool DemandOracleExcess = false, Dictionary<string, double>? DemandOracleMultiples = null)
{
    /// <summary>The largest holder's reading (the analyzer's first tested party), or null when none was tested.</summary>
    public PartyReading? Largest => Reading.Parties.Count > 0 ? Reading.Parties[0] : null;

    /// <summary>One line for the details file.</summary>
    public string Describe(StudyCase c)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = Reading.Parties.Select(p =>
        {
            var truth = c.ByHandle(p.Label);
            return string.Create(inv,
                $"{p.Label}[{truth?.Kind ?? "?"} true {truth?.Multiple:0.00} held {p.Holdings}] est {Show(p.Multiple)} ({Show(p.Low)}–{Show(p.High)}) p {Show(p.PValue)} check {Show(p.Check)} power {(p.Power is { Count: > 0 } pw ? string.Join('/', pw.Select(x => x.ToString("0.00", inv))) : "–")}{(p.Flagged ? " FLAGGED" : "")}");
        });
        return string.Create(inv,
            $"{c.Generator} {c.Id} {c.Class}: {Reading.Status}{(Reading.Power is { } pw ? $" power {string.Join('/', pw.Select(x => x.ToString("0.00", inv)))}" : "")} | {string.Join(" | ", parts)} | oracle {(OracleExcess ? "excess" : "no")} {string.Join(' ', OracleMultiples.Select(kv => $"{kv.Key}:{kv.Value:0.0}"))} | demand oracle {(DemandOracleExcess ? "excess" : "no")} {string.Join(' ', (DemandOracleMultiples ?? []).Select(kv => $"{kv.Key}:{kv.Value:0.0}"))} | {Seconds:0.0}s");
    }

    private static string Show(double? x) => x is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
