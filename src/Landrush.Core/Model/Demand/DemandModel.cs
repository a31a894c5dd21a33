using System.Globalization;
using Landrush.Core.Enumeration;

namespace Landrush.Core.Model.Demand;

/// <summary>
/// Who wants what, over one name space: the attractiveness weight of every name
/// (<see cref="NameAttractiveness"/>) and the ways the model builds wish lists — a weighted random list
/// (most wanted first), a contiguous block in numeric order, numbers as usually written (no leading
/// zeros) in a value range, or a whole class such as all area codes.
/// </summary>
public sealed class DemandModel
{
    private readonly double[] _weights;

    public DemandModel(NameSpace space, NameAttractiveness attractiveness)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(attractiveness);
        if (space.Count > Array.MaxLength)
        {
            throw new ArgumentException($"space {space} has too many names for an in-memory model", nameof(space));
        }

        Space = space;
        Attractiveness = attractiveness;
        _weights = new double[space.Count];
        var i = 0;
        foreach (var label in space.Enumerate())
        {
            _weights[i++] = attractiveness.Weight(label);
        }
    }

    public NameSpace Space { get; }

    public NameAttractiveness Attractiveness { get; }

    public int NameCount => _weights.Length;

    public IReadOnlyList<double> Weights => _weights;

    internal ReadOnlySpan<double> WeightSpan => _weights;

    /// <summary>A weighted random list of <paramref name="size"/> names, most wanted first.</summary>
    public int[] WeightedList(int size, SeededRandom rng) => WeightedSampler.Sample(_weights, size, rng);

    /// <summary>A weighted random list drawn only among <paramref name="among"/> (indices), most wanted first.</summary>
    public int[] WeightedListAmong(IReadOnlyList<int> among, int size, SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(among);
        var w = new double[among.Count];
        for (var j = 0; j < w.Length; j++)
        {
            w[j] = _weights[among[j]];
        }

        return [.. WeightedSampler.Sample(w, size, rng).Select(j => among[j])];
    }

    /// <summary>
    /// <paramref name="count"/> consecutive names from <paramref name="firstLabel"/> in index order, which
    /// within one length is numeric order (0000, 0001, …); stops at the end of that length.
    /// </summary>
    public int[] Block(string firstLabel, int count)
    {
        ArgumentNullException.ThrowIfNull(firstLabel);
        var start = Space.IndexOf(firstLabel);
        if (start < 0)
        {
            throw new ArgumentException($"'{firstLabel}' is not in the space {Space}", nameof(firstLabel));
        }

        var list = new List<int>(count);
        for (var i = start; i < Space.Count && list.Count < count; i++)
        {
            if (Space.NameAt(i).Length != firstLabel.Length)
            {
                break;
            }

            list.Add((int)i);
        }

        return [.. list];
    }

    /// <summary>Numbers <paramref name="from"/>..<paramref name="to"/> written without leading zeros, ascending.</summary>
    public int[] Numbers(int from, int to)
    {
        var list = new List<int>();
        for (var v = from; v <= to; v++)
        {
            var index = Space.IndexOf(v.ToString(CultureInfo.InvariantCulture));
            if (index >= 0)
            {
                list.Add((int)index);
            }
        }

        return [.. list];
    }

    /// <summary>The names of a class (e.g. all area codes) that are in the space, in the class's order.</summary>
    public int[] Class(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return [.. labels.Select(l => Space.IndexOf(l)).Where(i => i >= 0).Select(i => (int)i)];
    }
}
