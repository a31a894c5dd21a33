namespace Landrush.Analysis.Verdict.Race;

/// <summary>
/// A range party's race reduced to what its likelihood reads: its list in one send order, cut into cells of names
/// that share a rate class, a level class (label length) and a band of send positions (positions k+1 within a factor
/// <see cref="BandRatio"/>, where the chance of a loss barely moves), each cell with how many names it holds, how many
/// the party lost and their mean position. Cells of one position band share its weight (demand lumpier than the features
/// say, <see cref="LevelProfile"/>).
/// </summary>
internal sealed class RaceCells
{
    /// <summary>Ratio of a position band's ends.</summary>
    public const double BandRatio = 1.06;

    private RaceCells(int positions, int[] rateClass, int[] level, double[] meanPosition, int[] all, int[] lost, int[][] levelCells, int[] band,
        int[] bandSize, int[][] bandCells)
    {
        Positions = positions;
        RateClass = rateClass;
        Level = level;
        MeanPosition = meanPosition;
        All = all;
        Lost = lost;
        LevelCells = levelCells;
        Band = band;
        BandSize = bandSize;
        BandCells = bandCells;
    }

    /// <summary>Names in the list.</summary>
    public int Positions { get; }

    public int[] RateClass { get; }

    public int[] Level { get; }

    /// <summary>Mean send position (0 = first) of the cell's names.</summary>
    public double[] MeanPosition { get; }

    public int[] All { get; }

    public int[] Lost { get; }

    /// <summary>Per level class: its cells.</summary>
    public int[][] LevelCells { get; }

    /// <summary>Level classes (0 … Levels − 1).</summary>
    public int Levels => LevelCells.Length;

    public int Count => All.Length;

    /// <summary>Per cell: its position band (0 = the first positions).</summary>
    public int[] Band { get; }

    /// <summary>Per band: how many send positions it spans (the same in every order of one list).</summary>
    public int[] BandSize { get; }

    /// <summary>Per band: its cells.</summary>
    public int[][] BandCells { get; }

    public int TotalLost => Lost.Sum();

    /// <summary>Cells of a list whose names were sent one after another (the name at place k sent k-th).</summary>
    public static RaceCells Build(IReadOnlyList<int> list, Func<int, bool> lost, IReadOnlyList<int> rateClass, Func<int, int> levelOf, int levels,
        out int[] cellAt) => Build(list, [.. Enumerable.Range(0, list.Count)], list.Count, lost, rateClass, levelOf, levels, out cellAt);

    /// <param name="list">Name indices in send order.</param>
    /// <param name="sentAt">Per place of the list: its send position (0 = first), increasing; names sent between them are not read.</param>
    /// <param name="sent">Names sent in all (positions 0 … sent − 1): the bands cover them all, so that every order of one list has the same bands.</param>
    /// <param name="lost">Per name index: someone else holds it.</param>
    /// <param name="rateClass">Per name index: its rate class.</param>
    /// <param name="levelOf">Per name index: its level class.</param>
    /// <param name="levels">Level classes.</param>
    /// <param name="cellAt">Out: per place of the list, its cell.</param>
    public static RaceCells Build(IReadOnlyList<int> list, IReadOnlyList<int> sentAt, int sent, Func<int, bool> lost, IReadOnlyList<int> rateClass,
        Func<int, int> levelOf, int levels, out int[] cellAt)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(sentAt);
        cellAt = new int[list.Count];
        var cells = new Dictionary<(int Band, int Class, int Level), int>();
        var rate = new List<int>();
        var level = new List<int>();
        var sumK = new List<double>();
        var all = new List<int>();
        var lostCount = new List<int>();
        var logRatio = Math.Log(BandRatio);
        for (var i = 0; i < list.Count; i++)
        {
            var (name, k) = (list[i], sentAt[i]);
            var key = ((int)(Math.Log(k + 1) / logRatio), rateClass[name], levelOf(name));
            if (!cells.TryGetValue(key, out var c))
            {
                cells[key] = c = all.Count;
                rate.Add(key.Item2);
                level.Add(key.Item3);
                sumK.Add(0);
                all.Add(0);
                lostCount.Add(0);
            }

            cellAt[i] = c;
            sumK[c] += k;
            all[c]++;
            lostCount[c] += lost(name) ? 1 : 0;
        }

        // Sorted by level (stable), so that each level class is one run of cells.
        var order = Enumerable.Range(0, all.Count).OrderBy(c => level[c]).ThenBy(c => c).ToArray();
        // Bands numbered from 0 in position order; a band's size counts its positions, whatever their classes, read or not.
        var bandIndex = new Dictionary<int, int>();
        var sizes = new List<int>();
        for (var k = 0; k < sent; k++)
        {
            var key = (int)(Math.Log(k + 1) / logRatio);
            if (!bandIndex.TryGetValue(key, out var b))
            {
                bandIndex[key] = b = sizes.Count;
                sizes.Add(0);
            }

            sizes[b]++;
        }

        int[] bandSize = [.. sizes];

        var bandOf = new int[all.Count];
        foreach (var (key, c) in cells)
        {
            bandOf[c] = bandIndex[key.Band];
        }

        var renumber = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            renumber[order[i]] = i;
        }

        for (var k = 0; k < cellAt.Length; k++)
        {
            cellAt[k] = renumber[cellAt[k]];
        }

        int[] band = [.. order.Select(c => bandOf[c])];
        int[] sortedLevel = [.. order.Select(c => level[c])];
        // The members of each level class and of each band, once: every simulated race reuses them.
        var levelCells = Enumerable.Range(0, levels).Select(l => Enumerable.Range(0, sortedLevel.Length).Where(c => sortedLevel[c] == l).ToArray()).ToArray();
        var bandCells = Enumerable.Range(0, bandSize.Length).Select(b => Enumerable.Range(0, band.Length).Where(c => band[c] == b).ToArray()).ToArray();
        return new RaceCells(list.Count, [.. order.Select(c => rate[c])], sortedLevel, [.. order.Select(c => sumK[c] / all[c])],
            [.. order.Select(c => all[c])], [.. order.Select(c => lostCount[c])], levelCells, band, bandSize, bandCells);
    }

    /// <summary>Per send position of a list of <paramref name="sent"/> names: its band, numbered from 0 as in <see cref="Build(IReadOnlyList{int}, IReadOnlyList{int}, int, Func{int, bool}, IReadOnlyList{int}, Func{int, int}, int, out int[])"/>.</summary>
    public static int[] Bands(int sent)
    {
        var band = new int[sent];
        var (last, b) = (-1, -1);
        for (var k = 0; k < sent; k++)
        {
            var key = (int)(Math.Log(k + 1) / Math.Log(BandRatio));
            if (key != last)
            {
                (last, b) = (key, b + 1);
            }

            band[k] = b;
        }

        return band;
    }

    /// <summary>How many send positions each band of a list of <paramref name="sent"/> names spans.</summary>
    public static int[] BandSizes(int sent) => [.. Bands(sent).GroupBy(b => b).OrderBy(g => g.Key).Select(g => g.Count())];

    /// <summary>The same cells with other loss counts (a simulated race).</summary>
    public RaceCells WithLosses(int[] lost) => new(Positions, RateClass, Level, MeanPosition, All, lost, LevelCells, Band, BandSize, BandCells);
}
