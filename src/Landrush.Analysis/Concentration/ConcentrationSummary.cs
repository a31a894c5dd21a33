namespace Landrush.Analysis.Concentration;

/// <summary>
/// Every concentration figure of one allocation. A figure that the data cannot give is null, never NaN, and
/// <see cref="Undefined"/> says why (e.g. no registered names; a single holder has no inequality to measure).
/// </summary>
/// <param name="Registered">Registered names (H).</param>
/// <param name="PartiesHolding">Parties holding at least one name.</param>
/// <param name="Participants">Participants known from elsewhere (winners and losers), or null.</param>
/// <param name="Top1">Names held by the largest holder.</param>
/// <param name="Top2">Names held by the two largest holders together.</param>
/// <param name="Cr">CR-k for k = 1 … min(10, holders): index 0 is CR1.</param>
/// <param name="Hhi">HHI, 0–10,000.</param>
/// <param name="Band">The 2023 merger-guideline band of <paramref name="Hhi"/>.</param>
/// <param name="HhiNormalized">Normalised HHI over the holders, 0–1.</param>
/// <param name="HhiNormalizedAll">Normalised HHI over all participants.</param>
/// <param name="NumbersEquivalent">1/HHI: equal holders that would give the same HHI.</param>
/// <param name="Gini">Gini over the holders.</param>
/// <param name="GiniAll">Gini over all participants, those with nothing as zeros.</param>
/// <param name="Theil">Theil T over the holders.</param>
/// <param name="TheilAll">Theil T over all participants.</param>
/// <param name="Lorenz">Lorenz points over the holders (over all participants when known).</param>
/// <param name="Undefined">Figure name → why it is null.</param>
public sealed record ConcentrationSummary(
    int Registered,
    int PartiesHolding,
    int? Participants,
    int Top1,
    int Top2,
    IReadOnlyList<double> Cr,
    double? Hhi,
    HhiBand? Band,
    double? HhiNormalized,
    double? HhiNormalizedAll,
    double? NumbersEquivalent,
    double? Gini,
    double? GiniAll,
    double? Theil,
    double? TheilAll,
    IReadOnlyList<LorenzPoint> Lorenz,
    IReadOnlyDictionary<string, string> Undefined)
{
    /// <summary>CR1, or null when nothing is registered.</summary>
    public double? Cr1 => Cr.Count > 0 ? Cr[0] : null;

    /// <summary>CR2 (= CR1 with a single holder), or null when nothing is registered.</summary>
    public double? Cr2 => Cr.Count > 1 ? Cr[1] : Cr1;

    /// <summary>Computes every figure of <paramref name="allocation"/>.</summary>
    public static ConcentrationSummary Of(ObservedAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var holdings = allocation.Holdings().Where(h => h > 0).OrderDescending().ToArray();
        var n = holdings.Length;
        var participants = allocation.Participants;
        var all = new int[participants ?? n];
        holdings.CopyTo(all, 0);
        var undefined = new Dictionary<string, string>(StringComparer.Ordinal);

        if (n == 0)
        {
            const string none = "no name with a known holder: there are no shares to measure";
            foreach (var f in new[] { "cr1", "cr2", "hhi", "hhi_normalized", "hhi_equivalent", "gini", "theil", "lorenz" })
            {
                undefined[f] = none;
            }

            if (participants is not null)
            {
                undefined["gini_all"] = none;
                undefined["theil_all"] = none;
                undefined["hhi_normalized_all"] = none;
            }

            return new ConcentrationSummary(0, 0, participants, 0, 0, [], null, null, null, null, null, null, null, null, null, [], undefined);
        }

        var cr = Enumerable.Range(1, Math.Min(10, n)).Select(k => ConcentrationRatio.OfSortedDescending(holdings, k)).ToList();
        var hhi = HerfindahlIndex.Of(holdings);
        double? normalized = null, gini = null, theil = null;
        if (n == 1)
        {
            const string one = "a single holder: inequality among holders is not defined (normalised HHI divides by 1 − 1/n = 0; Gini and Theil are 0 by construction)";
            undefined["hhi_normalized"] = one;
            undefined["gini"] = one;
            undefined["theil"] = one;
        }
        else
        {
            normalized = HerfindahlIndex.Normalized(holdings);
            gini = GiniCoefficient.Of(holdings);
            theil = TheilIndex.T(holdings);
        }

        double? giniAll = null, theilAll = null, normalizedAll = null;
        if (participants is { } p)
        {
            if (p < 2)
            {
                const string one = "a single participant: inequality among participants is not defined";
                undefined["gini_all"] = one;
                undefined["theil_all"] = one;
                undefined["hhi_normalized_all"] = one;
            }
            else
            {
                giniAll = GiniCoefficient.OfParticipants(holdings, p);
                theilAll = TheilIndex.T(all);
                normalizedAll = HerfindahlIndex.Normalized(all);
            }
        }
        else
        {
            undefined["gini_all"] = "participants not known: give --participants N (those who won nothing included)";
        }

        return new ConcentrationSummary(
            allocation.Registered, n, participants, holdings[0], holdings[0] + (n > 1 ? holdings[1] : 0), cr, hhi,
            HerfindahlIndex.Band(hhi), normalized, normalizedAll, 10_000.0 / hhi, gini, giniAll, theil, theilAll,
            LorenzCurve.Points(participants is null ? holdings : all), undefined);
    }
}
