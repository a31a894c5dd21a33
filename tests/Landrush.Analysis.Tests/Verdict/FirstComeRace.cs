using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

/// <summary>
/// A blind first-come-first-served race simulated for a test: every participant sends its whole list at its pace
/// (request k at start + k/pace), and a name goes to the first request for it.
/// </summary>
internal sealed class FirstComeRace
{
    private readonly NameSpace _space;
    private readonly double[] _first;

    public FirstComeRace(NameSpace space)
    {
        _space = space;
        _first = new double[(int)space.Count];
        Holder = new int[(int)space.Count];
        Array.Fill(_first, double.PositiveInfinity);
        Array.Fill(Holder, -1);
    }

    /// <summary>Per name index: the party that won it, or -1.</summary>
    public int[] Holder { get; }

    public void Send(int party, IEnumerable<string> list, double pace, double start)
    {
        var k = 0;
        foreach (var label in list)
        {
            var t = start + (++k / pace);
            var name = (int)_space.IndexOf(label);
            if (t < _first[name])
            {
                (_first[name], Holder[name]) = (t, party);
            }
        }
    }

    /// <summary>The allocation, parties labelled p0, p1, ….</summary>
    public ObservedAllocation Observed(int parties)
    {
        var names = Enumerable.Range(0, Holder.Length).Where(n => Holder[n] >= 0).ToArray();
        return new ObservedAllocation(_space, "nl", names, [.. names.Select(n => Holder[n])], [.. Enumerable.Range(0, parties).Select(p => $"p{p}")]);
    }
}
