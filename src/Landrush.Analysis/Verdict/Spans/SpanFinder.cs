namespace Landrush.Analysis.Verdict.Spans;

/// <summary>
/// Finds the numeric spans parties asked for (<see cref="SendSpan"/>), read as they are sent: along each axis of
/// <see cref="NumericAxes"/> (plain numbers across lengths, and zero-padded labels per width), never in index order.
/// <para>
/// Under blind first-come-first-served every name someone asked for is registered, so a free name ends any span;
/// between two free names (a run of registered names on the axis) a party's span is its densest stretch: the
/// segment of its names that maximises held − <see cref="Density"/> × length (Kadane's maximum subarray), taken
/// again left and right of it, kept when it holds at least the minimum. Spans of all parties and axes are then
/// chosen greedily, most held names first, in two rounds. In the first, a span that crosses a chosen one keeps only its
/// unclaimed stretches (so a plain span 0–2100 wins over the 4-digit stretch 1000–2100 it contains, and a zero-padded
/// 0000–4999 over the plain 1000–4999); the parties left with a span are the range parties. The second is the same,
/// except that a range party's span also keeps the names of other parties' spans it runs into when they are a block
/// one side won almost whole: the parties of those spans hold at most <see cref="OverlapShare"/> of them, or it does.
/// Both sent them and one won, as where 0000–9999 zero-padded and a faster 0–1499 plain share 1000–1499, or where two
/// equally fast parties sending the same numbers each won stretches of them; whichever span is chosen first, both hold
/// the block. A race reads the names another range party holds, in a span of its own or not, as taken by that party,
/// not as others' demand. The minority of two that split a stretch name by name, or a party with no span of its own (a collector of
/// years inside a range), keeps only its stretches outside other spans. Last, a party's spans on one axis are joined
/// across the registered names between them: a stretch it mostly lost, or another party's span that split its list
/// (kept as <see cref="SendSpan.Bridged"/>: that party's range, not names this one lost; its race reads the list as
/// sent around it or through it). A free name or another span of its own between them keeps them apart.
/// </para>
/// </summary>
public static class SpanFinder
{
    /// <summary>Share of a span's names its party must hold for the span to count (½).</summary>
    public const double Density = 0.5;

    /// <param name="holder">Per name index of the space: its holder's party, or -1 when free.</param>
    /// <param name="axes">The space's numeric axes.</param>
    /// <param name="minHeld">Fewest names a party must hold in a span.</param>
    public static IReadOnlyList<SendSpan> Find(int[] holder, NumericAxes axes, int minHeld)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHeld, 2);
        var candidates = new List<SendSpan>();
        foreach (var width in axes.Widths.Prepend(0))
        {
            Candidates(holder, axes, width, minHeld, candidates);
        }

        // Most held first; on a tie plain before padded, narrow before wide, low before high: deterministic.
        candidates.Sort((a, b) => b.Held != a.Held ? b.Held.CompareTo(a.Held)
            : a.Width != b.Width ? a.Width.CompareTo(b.Width) : a.From != b.From ? a.From.CompareTo(b.From) : a.Party.CompareTo(b.Party));
        // First every span keeps only what no other span claims: the parties left with a span are range parties. Then a
        // range party's span may also keep a block of other spans that one side won almost whole.
        var ranged = Choose(candidates, holder, axes, minHeld, []).Chosen.Select(s => s.Party).ToHashSet();
        var (chosen, claims, claimed) = Choose(candidates, holder, axes, minHeld, ranged);
        return Join(chosen, holder, axes, claims, claimed);
    }

    // The candidates chosen greedily; per name how many parties' spans claim it, and which (party, name) pairs are claimed.
    private static (List<SendSpan> Chosen, int[] Claims, HashSet<long> Claimed) Choose(List<SendSpan> candidates, int[] holder, NumericAxes axes,
        int minHeld, HashSet<int> ranged)
    {
        var claims = new int[holder.Length];
        var claimed = new HashSet<long>();
        var chosen = new List<SendSpan>();
        foreach (var c in candidates)
        {
            foreach (var piece in Pieces(c, holder, axes, claims, claimed, minHeld, ranged.Contains(c.Party)))
            {
                chosen.Add(piece);
                for (var v = piece.From; v <= piece.To; v++)
                {
                    var index = (int)axes.IndexOf(piece.Width, v);
                    claims[index]++;
                    claimed.Add(Claim(piece.Party, index));
                }
            }
        }

        return (chosen, claims, claimed);
    }

    // Per run of registered names on the axis, each party's dense segments.
    private static void Candidates(ReadOnlySpan<int> holder, NumericAxes axes, int width, int minHeld, List<SendSpan> into)
    {
        var extent = axes.Extent(width);
        var positions = new Dictionary<int, List<long>>();
        long v = 0;
        while (v < extent)
        {
            var index = axes.IndexOf(width, v);
            if (index < 0 || holder[(int)index] < 0)
            {
                v++;
                continue;
            }

            var start = v;
            while (v < extent && axes.IndexOf(width, v) is var i && i >= 0 && holder[(int)i] >= 0)
            {
                v++;
            }

            if (v - start < minHeld)
            {
                continue;
            }

            positions.Clear();
            for (var x = start; x < v; x++)
            {
                var p = holder[(int)axes.IndexOf(width, x)];
                if (!positions.TryGetValue(p, out var list))
                {
                    positions[p] = list = [];
                }

                list.Add(x);
            }

            foreach (var (party, list) in positions.OrderBy(kv => kv.Key))
            {
                if (list.Count >= minHeld)
                {
                    Segments(list, 0, list.Count - 1, party, width, minHeld, into);
                }
            }
        }
    }

    // Kadane over the party's positions pos[lo..hi]: a segment scores held − Density × names spanned.
    private static void Segments(List<long> pos, int lo, int hi, int party, int width, int minHeld, List<SendSpan> into)
    {
        if (hi - lo + 1 < minHeld)
        {
            return;
        }

        double best = double.NegativeInfinity, current = 0;
        int bestFrom = lo, bestTo = lo, from = lo;
        for (var i = lo; i <= hi; i++)
        {
            var extend = i == lo ? double.NegativeInfinity : current + 1 - (Density * (pos[i] - pos[i - 1]));
            var restart = 1 - Density;
            if (restart >= extend)
            {
                (current, from) = (restart, i);
            }
            else
            {
                current = extend;
            }

            if (current > best)
            {
                (best, bestFrom, bestTo) = (current, from, i);
            }
        }

        if (bestTo - bestFrom + 1 >= minHeld)
        {
            into.Add(new SendSpan(party, width, pos[bestFrom], pos[bestTo], bestTo - bestFrom + 1));
        }

        Segments(pos, lo, bestFrom - 1, party, width, minHeld, into);
        Segments(pos, bestTo + 1, hi, party, width, minHeld, into);
    }

    private static long Claim(int party, int index) => ((long)party << 32) | (uint)index;

    /// <summary>
    /// Largest share of a candidate's names inside other parties' spans that the side which lost them may hold (those
    /// parties, or the candidate's own), for the candidate to keep them: a block one side won almost whole.
    /// </summary>
    public const double OverlapShare = 0.1;

    // What a candidate keeps of itself. A range party's candidate that runs into other parties' spans keeps those names
    // when they are a block one side won almost whole: the parties of those spans hold at most OverlapShare of them (they
    // sent them and lost them to it) or it holds at most that share (its list passed through their block). Both spans
    // then hold them. Where both hold more, it is the minority of two that split a stretch (dense by chance here and
    // there); of a party with no span of its own (a collector's years inside a range), it is demand their races read:
    // either way it keeps only its stretches outside them. Its own party's spans always cut it.
    private static List<SendSpan> Pieces(SendSpan c, int[] holder, NumericAxes axes, int[] claims, HashSet<long> claimed, int minHeld,
        bool rangeParty)
    {
        int inOthers = 0, othersHold = 0, ownHold = 0;
        for (var v = c.From; v <= c.To; v++)
        {
            var index = (int)axes.IndexOf(c.Width, v);
            if (claims[index] > (claimed.Contains(Claim(c.Party, index)) ? 1 : 0))
            {
                inOthers++;
                othersHold += holder[index] >= 0 && holder[index] != c.Party && claimed.Contains(Claim(holder[index], index)) ? 1 : 0;
                ownHold += holder[index] == c.Party ? 1 : 0;
            }
        }

        // Either it won those names almost whole or it lost them almost whole: a block one of the two won, whichever
        // candidate came first (most held first).
        return rangeParty && Math.Min(othersHold, ownHold) <= OverlapShare * inOthers
            ? Unclaimed(c, holder, axes, index => claimed.Contains(Claim(c.Party, index)), minHeld)
            : Unclaimed(c, holder, axes, index => claims[index] > 0, minHeld);
    }

    // The stretches of a candidate that are not claimed, each kept when still dense and large enough.
    private static List<SendSpan> Unclaimed(SendSpan c, ReadOnlySpan<int> holder, NumericAxes axes, Func<int, bool> claimed, int minHeld)
    {
        var pieces = new List<SendSpan>();
        long? start = null;
        var held = 0;
        for (var v = c.From; v <= c.To + 1; v++)
        {
            var index = v <= c.To ? (int)axes.IndexOf(c.Width, v) : -1;
            if (index >= 0 && !claimed(index))
            {
                start ??= v;
                held += holder[index] == c.Party ? 1 : 0;
                continue;
            }

            if (start is { } s)
            {
                // Trim the stretch to its first and last held name: it starts and ends where the party's names do.
                var (first, last) = (s, v - 1);
                while (first <= last && holder[(int)axes.IndexOf(c.Width, first)] != c.Party)
                {
                    first++;
                }

                while (last >= first && holder[(int)axes.IndexOf(c.Width, last)] != c.Party)
                {
                    last--;
                }

                if (held >= minHeld && held >= Density * (last - first + 1))
                {
                    pieces.Add(c with { From = first, To = last, Held = held });
                }
            }

            (start, held) = (null, 0);
        }

        return pieces;
    }

    // A party's spans on one axis joined across the registered names between them, unless a name there is free or
    // claimed by another party's span.
    private static List<SendSpan> Join(List<SendSpan> chosen, int[] holder, NumericAxes axes, int[] claims, HashSet<long> claimed)
    {
        var result = new List<SendSpan>();
        foreach (var group in chosen.GroupBy(s => (s.Party, s.Width)).OrderBy(g => g.Key.Party).ThenBy(g => g.Key.Width))
        {
            SendSpan? open = null;
            foreach (var s in group.OrderBy(s => s.From))
            {
                if (open is not null && OthersBetween(open, s, holder, axes, claims, claimed) is { } others)
                {
                    open = open with { To = s.To, Held = open.Held + s.Held, Bridged = [.. open.Bridged, .. others] };
                    continue;
                }

                if (open is not null)
                {
                    result.Add(open);
                }

                open = s;
            }

            if (open is not null)
            {
                result.Add(open);
            }
        }

        return result;
    }

    // Null when the gap between a and b has a free name or one of the party's own other spans (they cannot be joined);
    // else the runs of the gap that other parties' spans claim (the rest of the gap is a stretch the party lost).
    private static List<(long From, long To)>? OthersBetween(SendSpan a, SendSpan b, int[] holder, NumericAxes axes, int[] claims, HashSet<long> claimed)
    {
        var runs = new List<(long From, long To)>();
        long? start = null;
        for (var v = a.To + 1; v < b.From; v++)
        {
            var index = (int)axes.IndexOf(a.Width, v);
            if (index < 0 || holder[index] < 0 || claimed.Contains(Claim(a.Party, index)))
            {
                return null;
            }

            if (claims[index] > 0)
            {
                start ??= v;
            }
            else if (start is { } from)
            {
                runs.Add((from, v - 1));
                start = null;
            }
        }

        if (start is { } last)
        {
            runs.Add((last, b.From - 1));
        }

        return runs;
    }
}
