using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// How many registered names the DNS sweep called absent (inactive and quarantined names are registered but not
/// in the zone), estimated from the verify sample: per stratum h (each shard's own sample, <see cref="VerifyStratum"/>)
/// k_h registered among n_h answered members, drawn from N_h absent names. Never written into rows as a guess.
/// <para>
/// Stratified estimate (Cochran 1977, ch. 5): W_h = N_h/N over the strata's N = Σ N_h, share p̂ = Σ W_h·k_h/n_h,
/// count N·p̂. The 95% interval is Wilson's score interval (Wilson 1927) on p̂ with an effective sample size
/// (Kish 1965; Korn and Graubard 1998): (p̂ + z²/2n′ ± z·√(p̂(1−p̂)/n′ + z²/4n′²)) / (1 + z²/n′), z = 1.959964,
/// n′ = min(p̂(1−p̂)/v̂, 1/Σ W_h²/n_h), v̂ = Σ W_h²·p̂_h(1−p̂_h)/n_h. The first term is the design's own variance; the
/// second (Kish's, the variance were every stratum's share the same) keeps the interval honest when a stratum's
/// sample found nothing (its p̂_h(1−p̂_h) = 0 says "no variance", which is false for a rare event) and is the only
/// one left with 0 hits in all strata. With one stratum both are n, and this is Wilson's interval exactly. No
/// finite-population correction: the interval is slightly conservative when a sample is a large share of its stratum.
/// </para>
/// </summary>
/// <param name="Strata">The strata with their answered samples.</param>
/// <param name="Absent">All names DNS called absent in the store (normally Σ N_h; more when a shard drew no sample).</param>
public sealed record MissedEstimate(IReadOnlyList<MissedStratum> Strata, long Absent)
{
    private const double Z = 1.959963984540054;

    /// <summary>One stratum: a store harvested in one piece.</summary>
    public MissedEstimate(long sampled, long found, long absent)
        : this([new MissedStratum("1/1", absent, sampled, found)], absent)
    {
    }

    /// <summary>Answered sample members over all strata.</summary>
    public long Sampled => Strata.Sum(s => s.Sampled);

    /// <summary>Registered sample members over all strata.</summary>
    public long Found => Strata.Sum(s => s.Found);

    /// <summary>Absent names the strata stand for (Σ N_h): what the estimate is about.</summary>
    public long Covered => Strata.Sum(s => s.Absent);

    /// <summary>
    /// Share of the covered absent names that are registered: point estimate and 95% interval; null without a
    /// sample, or while a stratum that holds absent names has no answered member (it could not be weighted).
    /// </summary>
    public (double Share, double Low, double High)? ShareInterval
    {
        get
        {
            var strata = Strata.Where(s => s.Absent > 0).ToList();
            if (strata.Count == 0 || strata.Any(s => s.Sampled <= 0))
            {
                return null;
            }

            double total = strata.Sum(s => (double)s.Absent), p = 0, design = 0, kish = 0;
            foreach (var s in strata)
            {
                double w = s.Absent / total, ph = (double)s.Found / s.Sampled;
                p += w * ph;
                design += w * w * ph * (1 - ph) / s.Sampled;
                kish += w * w / s.Sampled;
            }

            var n = 1 / kish;
            if (design > 0 && p > 0 && p < 1)
            {
                n = Math.Min(n, p * (1 - p) / design);
            }

            var (low, high) = Wilson(p, n);
            return (p, low, high);
        }
    }

    /// <summary>The estimate for the covered absent names: count and 95% interval; null when <see cref="ShareInterval"/> is.</summary>
    public (double Count, double Low, double High)? CountInterval =>
        ShareInterval is { } s ? (s.Share * Covered, s.Low * Covered, s.High * Covered) : null;

    /// <summary>Wilson's score interval for a share <paramref name="p"/> observed in <paramref name="n"/> trials (n may be fractional).</summary>
    public static (double Low, double High) Wilson(double p, double n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The estimate a store's verify sample gives: each stratum's answered members (those with a record) and the
    /// registered ones among them; <paramref name="states"/> gives the absent names in all.
    /// </summary>
    public static MissedEstimate Of(
        IReadOnlyList<VerifyStratum> strata, IReadOnlyDictionary<long, NameState> states, IReadOnlyDictionary<long, Core.Dataset.RegistryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(records);
        var absent = states.Values.LongCount(s => s.Dns == DnsOutcome.Absent);
        var rows = strata.Select(s =>
        {
            var answered = s.Members.Select(i => records.GetValueOrDefault(i)).OfType<Core.Dataset.RegistryRecord>().ToList();
            return new MissedStratum(s.Shard, s.Absent, answered.Count, answered.Count(r => r.IsRegistered));
        }).ToList();
        return new MissedEstimate(rows, absent);
    }

    /// <summary>
    /// The estimate <paramref name="store"/>'s verify sample gives (for <c>harvest</c>, <c>export</c> and <c>merge</c>),
    /// read from the store's counts and the sample members' records only: never every name.
    /// </summary>
    public static MissedEstimate Of(IHarvestStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var strata = store.Strata();
        var records = store.Records(strata.SelectMany(s => s.Members).Distinct().ToList());
        var rows = strata.Select(s =>
        {
            var answered = s.Members.Select(i => records.GetValueOrDefault(i)).OfType<Core.Dataset.RegistryRecord>().ToList();
            return new MissedStratum(s.Shard, s.Absent, answered.Count, answered.Count(r => r.IsRegistered));
        }).ToList();
        return new MissedEstimate(rows, store.Counts().Absent);
    }

    /// <summary>One line for summaries and export notes.</summary>
    public string Describe()
    {
        if (CountInterval is not { } c)
        {
            return Strata.Count == 0 ? "DNS-missed registrations: not estimated (no --verify-absent sample)"
                : Covered == 0 ? "DNS-missed registrations: not estimated (no absent name where the sample was drawn)"
                : FormattableString.Invariant(
                    $"DNS-missed registrations: not estimated yet (no verify name of shard {Strata.First(s => s.Absent > 0 && s.Sampled <= 0).Shard} answered; run the harvest again)");
        }

        var strata = Strata.Count(s => s.Absent > 0);
        var how = strata > 1 ? FormattableString.Invariant($" (stratified over {strata} shards' samples)") : "";
        var line = FormattableString.Invariant(
            $"DNS-missed registrations: {Found} of {Sampled} sampled absent names are registered{how}; estimate for all {Covered:N0} absent names {c.Count:N0} (95% CI {c.Low:N0}–{c.High:N0})");
        return Absent > Covered
            ? line + FormattableString.Invariant($"; {Absent - Covered:N0} absent names of shards without a sample not estimated")
            : line;
    }
}
