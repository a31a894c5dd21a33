using Landrush.Core.Model;

namespace Landrush.Analysis.NullModels;

/// <summary>
/// The lean path for fair-allocation models that hand out wanted names: wish lists reduced to what a run
/// can change. A name wanted by one party always goes to it (counted once, in <see cref="UncontestedHoldings"/>);
/// only the contested names (two or more wanters) are decided per run, and only holdings per party are kept.
/// <para>
/// Under blind first-come-first-served (the <see cref="Mechanism.Fcfs"/> of <c>Core.Model</c>) a name goes
/// to the wanter whose request for it arrives first, and party i's request at list position k (0-based)
/// arrives at latencyᵢ + Γ(k+1, cᵢ), the (k+1)-th event of its Poisson stream. Names interact only through
/// those shared streams, so a run draws each party's arrival times at its contested positions only (Gamma
/// increments between them) and takes the earliest wanter per contested name: the same distribution of
/// outcomes as the full race, without its per-request heap or per-name arrays.
/// </para>
/// </summary>
public sealed class ContestedDemand
{
    // Gaps up to this many positions are drawn as −ln(U₁⋯U_g); longer ones by MathNet's Gamma sampler.
    private const int ProductGapLimit = 12;

    private readonly int[] _uncontested;
    private readonly int[] _slotStart;     // per party: first slot; slots are that party's contested positions in list order
    private readonly int[] _slotGap;       // per slot: positions since the previous slot of the party (first: position + 1)
    private readonly int[] _nameStart;     // per contested name: first entry in _nameSlots (CSR)
    private readonly int[] _nameSlots;     // slots of the wanters of each contested name
    private readonly int[] _slotParty;
    private readonly int[] _contestedName;
    private readonly double[] _latency;

    /// <param name="nameCount">Names in the space; every index must be below it.</param>
    /// <param name="wishLists">Per party, distinct name indices in the order the party sends them.</param>
    /// <param name="latencies">Per party fixed delay (default all 0).</param>
    public ContestedDemand(int nameCount, IReadOnlyList<int[]> wishLists, IReadOnlyList<double>? latencies = null)
    {
        ArgumentNullException.ThrowIfNull(wishLists);
        var parties = wishLists.Count;
        var contestedId = ContestedIds(nameCount, wishLists, out _contestedName);

        _uncontested = new int[parties];
        _slotStart = new int[parties + 1];
        var gaps = new List<int>();
        var slotParty = new List<int>();
        var slotName = new List<int>();
        for (var p = 0; p < parties; p++)
        {
            _slotStart[p] = gaps.Count;
            var previous = -1;
            var list = wishLists[p];
            var seen = new HashSet<int>();
            for (var k = 0; k < list.Length; k++)
            {
                if (!seen.Add(list[k]))
                {
                    throw new ArgumentException($"party {p} lists name {list[k]} twice", nameof(wishLists));
                }

                if (contestedId[list[k]] < 0)
                {
                    _uncontested[p]++;
                    continue;
                }

                gaps.Add(k - previous);
                slotParty.Add(p);
                slotName.Add(contestedId[list[k]]);
                previous = k;
            }
        }

        _slotStart[parties] = gaps.Count;
        _slotGap = [.. gaps];
        _slotParty = [.. slotParty];
        _nameSlots = SlotsByName(slotName, _contestedName.Length, out _nameStart);
        _latency = Latencies(latencies, parties);
        NameCount = nameCount;
    }

    // Per name, its index among the contested names (two or more wanters), or -1.
    private static int[] ContestedIds(int nameCount, IReadOnlyList<int[]> wishLists, out int[] contestedNames)
    {
        var wanters = new int[nameCount];
        foreach (var list in wishLists)
        {
            foreach (var name in list)
            {
                if ((uint)name >= (uint)nameCount)
                {
                    throw new ArgumentException($"name index {name} outside a space of {nameCount}", nameof(wishLists));
                }

                wanters[name]++;
            }
        }

        var contestedId = new int[nameCount];
        var contested = new List<int>();
        for (var name = 0; name < nameCount; name++)
        {
            contestedId[name] = wanters[name] >= 2 ? contested.Count : -1;
            if (wanters[name] >= 2)
            {
                contested.Add(name);
            }
        }

        contestedNames = [.. contested];
        return contestedId;
    }

    // The slots grouped by contested name (CSR: nameStart[c]..nameStart[c + 1] are name c's wanters' slots).
    private static int[] SlotsByName(List<int> slotName, int contestedCount, out int[] nameStart)
    {
        nameStart = new int[contestedCount + 1];
        foreach (var c in slotName)
        {
            nameStart[c + 1]++;
        }

        for (var c = 0; c < contestedCount; c++)
        {
            nameStart[c + 1] += nameStart[c];
        }

        var nameSlots = new int[slotName.Count];
        var fill = (int[])nameStart.Clone();
        for (var s = 0; s < slotName.Count; s++)
        {
            nameSlots[fill[slotName[s]]++] = s;
        }

        return nameSlots;
    }

    private static double[] Latencies(IReadOnlyList<double>? latencies, int parties)
    {
        var latency = new double[parties];
        if (latencies is not null)
        {
            if (latencies.Count != parties)
            {
                throw new ArgumentException("one latency per party", nameof(latencies));
            }

            for (var p = 0; p < parties; p++)
            {
                latency[p] = latencies[p];
            }
        }

        return latency;
    }

    public int NameCount { get; }

    public int PartyCount => _uncontested.Length;

    /// <summary>Names each party wants that nobody else wants: won in every run of every mechanism.</summary>
    public IReadOnlyList<int> UncontestedHoldings => _uncontested;

    /// <summary>Name indices wanted by two or more parties, ascending.</summary>
    public IReadOnlyList<int> ContestedNames => _contestedName;

    /// <summary>Wish-list entries on contested names (the per-run work of an Fcfs run).</summary>
    public int ContestedSlots => _slotGap.Length;

    /// <summary>Names wanted by anyone: the names every run registers.</summary>
    public int WantedNames => _uncontested.Sum() + _contestedName.Length;

    /// <summary>A buffer of arrival times <see cref="RunFcfs"/> can reuse.</summary>
    public double[] NewTimeBuffer() => new double[_slotGap.Length];

    /// <summary>
    /// One blind Fcfs run: <paramref name="holdings"/> (one per party) receives each party's names.
    /// <paramref name="contestedWins"/>, when not empty, receives each party's wins among contested names only.
    /// </summary>
    public void RunFcfs(SeededRandom rng, SeededRandomSource source, ReadOnlySpan<double> capacities, double[] times,
        Span<int> holdings, Span<int> contestedWins = default)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(times);
        var parties = _uncontested.Length;
        for (var p = 0; p < parties; p++)
        {
            var rate = capacities[p];
            var t = _latency[p];
            for (var s = _slotStart[p]; s < _slotStart[p + 1]; s++)
            {
                t += Gamma(rng, source, _slotGap[s]) / rate;
                times[s] = t;
            }
        }

        Award(holdings, contestedWins, c =>
        {
            var best = _nameSlots[_nameStart[c]];
            for (var j = _nameStart[c] + 1; j < _nameStart[c + 1]; j++)
            {
                var s = _nameSlots[j];
                if (times[s] < times[best])
                {
                    best = s;
                }
            }

            return _slotParty[best];
        });
    }

    /// <summary>One lottery run: each contested name to one of its wanters, uniformly.</summary>
    public void RunLottery(SeededRandom rng, Span<int> holdings, Span<int> contestedWins = default)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Award(holdings, contestedWins, c => _slotParty[_nameSlots[_nameStart[c] + rng.NextInt(_nameStart[c + 1] - _nameStart[c])]]);
    }

    private void Award(Span<int> holdings, Span<int> contestedWins, Func<int, int> winner)
    {
        _uncontested.CopyTo(holdings);
        var track = !contestedWins.IsEmpty;
        if (track)
        {
            contestedWins[.._uncontested.Length].Clear();
        }

        for (var c = 0; c < _contestedName.Length; c++)
        {
            var p = winner(c);
            holdings[p]++;
            if (track)
            {
                contestedWins[p]++;
            }
        }
    }

    private static double Gamma(SeededRandom rng, SeededRandomSource source, int shape)
    {
        if (shape <= ProductGapLimit)
        {
            var product = rng.NextDoubleNonZero();
            for (var i = 1; i < shape; i++)
            {
                product *= rng.NextDoubleNonZero();
            }

            return -Math.Log(product);
        }

        return MathNet.Numerics.Distributions.Gamma.Sample(source, shape, 1.0);
    }
}
