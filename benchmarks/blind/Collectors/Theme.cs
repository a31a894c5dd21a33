namespace Collectors;

/// <summary>
/// A themed set of labels in its natural order (what a collector sends) with a weight per label (how much an
/// ordinary participant who likes the theme wants it). Sampling goes by the cumulative weights.
/// </summary>
internal sealed class Theme
{
    private readonly double[] _cumulative;

    public Theme(string name, IReadOnlyList<int> members, IReadOnlyList<double> weights)
    {
        Name = name;
        Members = [.. members];
        Weights = [.. weights];
        _cumulative = new double[Members.Length];
        double sum = 0;
        for (int i = 0; i < Members.Length; i++)
        {
            sum += Weights[i];
            _cumulative[i] = sum;
        }
    }

    public string Name { get; }

    public int[] Members { get; }

    public double[] Weights { get; }

    public int Count => Members.Length;

    public int Sample(Rng rng)
    {
        double r = rng.NextDouble() * _cumulative[^1];
        int i = Array.BinarySearch(_cumulative, r);
        i = i < 0 ? ~i : i + 1;
        return Members[Math.Min(i, Members.Length - 1)];
    }

    /// <summary>Members by weight, heaviest first (ties keep the natural order).</summary>
    public int[] ByWeight()
    {
        int[] order = [.. Enumerable.Range(0, Count).OrderByDescending(i => Weights[i]).ThenBy(i => i)];
        return [.. order.Select(i => Members[i])];
    }
}
