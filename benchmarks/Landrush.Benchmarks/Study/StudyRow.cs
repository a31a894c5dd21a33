using System.Globalization;

namespace Landrush.Benchmarks.Study;

/// <summary>One generator's row of the study table: counts per class and the errors of the largest holder's multiple.</summary>
internal sealed class StudyRow(string generator)
{
    // Per class: files, excess verdicts, of those the ones that flagged a truly fast party (multiple ≥ 2), inconclusive, oracles' flags.
    private readonly Dictionary<string, (int N, int Excess, int Right, int Inconclusive, int Oracle, int DemandOracle)> _classes = [];
    private int _honestFlagged;
    private readonly List<double> _errors = [];
    private int _noEstimate;
    private int _oneSided;
    private int _intervals;
    private int _bounded;
    private int _covered;
    private int _noExcess;
    private int _noExcessWithPower;

    public string Generator { get; } = generator;

    public int Cases { get; private set; }

    public double Seconds { get; set; }

    public void Add(StudyCase c, CaseOutcome o)
    {
        Cases++;
        var key = c.IsFair ? c.Class : "x" + (c.DesignMultiple ?? 0).ToString("0", CultureInfo.InvariantCulture);
        var cell = _classes.GetValueOrDefault(key);
        var excess = o.Reading.Status == "excess_capacity";
        var flagged = o.Reading.Parties.Where(p => p.Flagged).Select(p => c.ByHandle(p.Label)?.Multiple).ToArray();
        // A detection names a party that was fast; one that names only honest parties accuses the wrong one.
        var right = excess && flagged.Any(m => m >= 2);
        _honestFlagged += flagged.Any(m => m is null or < 2) ? 1 : 0;
        _classes[key] = (cell.N + 1, cell.Excess + (excess ? 1 : 0), cell.Right + (right ? 1 : 0),
            cell.Inconclusive + (o.Reading.Status == "inconclusive" ? 1 : 0), cell.Oracle + (o.OracleExcess ? 1 : 0),
            cell.DemandOracle + (o.DemandOracleExcess ? 1 : 0));
        if (o.Reading.Status == "no_excess")
        {
            _noExcess++;
            _noExcessWithPower += o.Reading.Power is { Count: > 0 } ? 1 : 0;
        }

        if (o.Largest is not { } largest || c.ByHandle(largest.Label) is not { } truth)
        {
            _noEstimate += c.IsFair ? 0 : 1;
            return;
        }

        if (!c.IsFair)
        {
            if (largest.Multiple is { } m)
            {
                _errors.Add(Math.Abs((m / truth.Multiple) - 1));
            }
            else
            {
                _noEstimate++;
                _oneSided += largest.Low is not null ? 1 : 0;
            }
        }

        if (largest.Low is { } low)
        {
            _intervals++;
            _bounded += largest.High is null ? 0 : 1;
            _covered += truth.Multiple >= low * 0.999 && truth.Multiple <= (largest.High ?? double.PositiveInfinity) * 1.001 ? 1 : 0;
        }
    }

    public static void PrintTable(IReadOnlyList<StudyRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| generator | fair: excess (inconcl.) [demand oracle] | crowd: excess (inconcl.) [demand oracle] | 3× detected (oracles: lists; demand) | 5× detected (oracles) | 10× detected (oracles) | largest holder's multiple: median error (no estimate; of which one-sided) | interval holds truth (bounded) | inconclusive | files with an honest party flagged | no_excess with power | s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine(r.Line());
        }
    }

    private string Line()
    {
        var inv = CultureInfo.InvariantCulture;
        string Cell(string key, bool detection)
        {
            if (!_classes.TryGetValue(key, out var c))
            {
                return "—";
            }

            // A detection counts only where a fast party was flagged.
            return detection
                ? string.Create(inv, $"{c.Right}/{c.N} ({c.Oracle}; {c.DemandOracle})")
                : string.Create(inv, $"{c.Excess}/{c.N} ({c.Inconclusive})");
        }

        var sorted = _errors.Order().ToArray();
        var median = sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var inconclusive = _classes.Values.Sum(c => c.Inconclusive);
        // The fair classes' demand-oracle flags are its false alarms: shown after the analyzer's.
        string Fair(string key) => _classes.TryGetValue(key, out var c) ? string.Create(inv, $"{Cell(key, false)} [{c.DemandOracle}]") : "—";
        return string.Create(inv,
            $"| {Generator} | {Fair("fair")} | {Fair("crowd")} | {Cell("x3", true)} | {Cell("x5", true)} | {Cell("x10", true)} | {median:P0} ({_noEstimate}; {_oneSided}) | {_covered}/{_intervals} ({_bounded}) | {inconclusive}/{Cases} | {_honestFlagged}/{Cases} | {_noExcessWithPower}/{_noExcess} | {Seconds:N0} |");
    }
}
