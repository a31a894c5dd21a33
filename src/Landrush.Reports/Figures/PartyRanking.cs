using Landrush.Analysis;

namespace Landrush.Reports.Figures;

/// <summary>Parties ordered by holdings, so that every figure and table names the same "largest" parties.</summary>
public static class PartyRanking
{
    /// <summary>The (up to) <paramref name="count"/> parties holding most names, descending; ties to the lower party number; parties holding nothing are left out.</summary>
    public static IReadOnlyList<int> Largest(ObservedAllocation allocation, int count)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var holdings = allocation.Holdings();
        return [.. Enumerable.Range(0, holdings.Length).Where(p => holdings[p] > 0)
            .OrderByDescending(p => holdings[p]).ThenBy(p => p).Take(count)];
    }
}
