using Landrush.Analysis.NullModels;

namespace Landrush.Analysis.Verdict;

/// <summary>
/// The demand <see cref="DemandInference"/> reads from an observed allocation under one
/// <see cref="DemandVariant"/>: a wish list per participant (the observed parties by their index, then any
/// participants known to have won nothing), the range blocks, and the contest those lists imply.
/// </summary>
public sealed class InferredDemand
{
    private readonly RangeRace?[] _races;

    internal InferredDemand(DemandVariant variant, int[][] wishLists, bool[] isRange, IReadOnlyList<RangeBlock> ranges,
        int[] observedHoldings, int[] holderOfName, IReadOnlyList<string> assumptions, RangeRace?[] races, IReadOnlyList<SendOrderCheck> orderChecks, double wantRateLogLikelihood)
    {
        Variant = variant;
        WantRateLogLikelihood = wantRateLogLikelihood;
        _races = races;
        OrderChecks = orderChecks;
        WishLists = wishLists;
        IsRangeParty = isRange;
        Ranges = ranges;
        ObservedHoldings = observedHoldings;
        _holderOfName = holderOfName;
        Contest = new ContestedDemand(holderOfName.Length, wishLists);
        Assumptions = [.. assumptions, $"Contested names (wanted by two or more in this demand): {Contest.ContestedNames.Count} of {Contest.WantedNames} wanted."];
        ObservedContestedWins = new int[wishLists.Length];
        foreach (var name in Contest.ContestedNames)
        {
            if (holderOfName[name] >= 0)
            {
                ObservedContestedWins[holderOfName[name]]++;
            }
        }
    }

    private readonly int[] _holderOfName;

    public DemandVariant Variant { get; }

    /// <summary>
    /// The other party that holds the most names inside <paramref name="party"/>'s blocks, when it holds at least a
    /// third of them and at least <paramref name="minNames"/>: two parties then went through the same names (as two that
    /// want one range split it under equal capacity, or a lottery between them would), which the range race, where
    /// others ask for a few names each, does not describe. Null otherwise.
    /// </summary>
    public (int Other, int Names, int BlockNames)? SharedBlockOf(int party, int minNames)
    {
        var blocks = Ranges.Where(r => r.Party == party).ToArray();
        if (blocks.Length == 0)
        {
            return null;
        }

        var counts = new Dictionary<int, int>();
        var total = 0;
        foreach (var b in blocks)
        {
            total += b.Length;
            for (var name = b.First; name <= b.Last; name++)
            {
                var h = _holderOfName[name];
                if (h >= 0 && h != party)
                {
                    counts[h] = counts.GetValueOrDefault(h) + 1;
                }
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var (other, names) = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).First();
        return names >= minNames && 3L * names >= total ? (other, names, total) : null;
    }

    /// <summary>Maximised log-likelihood of the want-rate fit outside the blocks (<see cref="AttractivenessFit.WantRates(Landrush.Core.Enumeration.NameSpace, ReadOnlySpan{bool}, bool, ReadOnlySpan{bool}, out double)"/>).</summary>
    public double WantRateLogLikelihood { get; }

    /// <summary>Per range party, the send-order check that chose its race's reading.</summary>
    public IReadOnlyList<SendOrderCheck> OrderChecks { get; }

    /// <summary>The send-order check of a range party; null for a party with no block.</summary>
    public SendOrderCheck? OrderCheckOf(int party) => OrderChecks.FirstOrDefault(c => c.Party == party);

    /// <summary>The race through its blocks of a range party, in the reading its send-order check chose; null for a party with no block.</summary>
    public RangeRace? RaceOf(int party) => _races[party];

    /// <summary>Per participant, the inferred wish list in the assumed send order.</summary>
    public IReadOnlyList<int[]> WishLists { get; }

    public IReadOnlyList<bool> IsRangeParty { get; }

    public IReadOnlyList<RangeBlock> Ranges { get; }

    /// <summary>Observed holdings per participant (zeros for those who won nothing).</summary>
    public int[] ObservedHoldings { get; }

    /// <summary>Observed wins per participant among the names the inferred demand makes contested.</summary>
    public int[] ObservedContestedWins { get; }

    /// <summary>The lean contest structure the Fcfs and lottery models run on.</summary>
    public ContestedDemand Contest { get; }

    public int ParticipantCount => WishLists.Count;

    /// <summary>What this reading of demand assumes, in words.</summary>
    public IReadOnlyList<string> Assumptions { get; }
}
