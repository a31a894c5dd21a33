namespace Landrush.Harvest.Pipeline;

/// <summary>
/// How many registered names the DNS sweep called absent (inactive and quarantined names are registered
/// but not in the zone), estimated from the verify sample: <see cref="Found"/> registered among
/// <see cref="Sampled"/> absent names asked, scaled to all <see cref="Absent"/> absent names. The 95%
/// interval is Wilson's score interval (Wilson 1927):
/// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.959964. Never written into rows as a guess.
/// </summary>
public sealed record MissedEstimate(long Sampled, long Found, long Absent)
{
    private const double Z = 1.959963984540054;

    /// <summary>Share of absent names that are registered: point estimate and 95% interval; null without a sample.</summary>
    public (double Share, double Low, double High)? ShareInterval
    {
        get
        {
            if (Sampled <= 0)
            {
                return null;
            }

            double n = Sampled, p = (double)Found / Sampled, z2 = Z * Z;
            var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
            return (p, Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }

    /// <summary>The estimate for all absent names: count and 95% interval; null without a sample.</summary>
    public (double Count, double Low, double High)? CountInterval =>
        ShareInterval is { } s ? (s.Share * Absent, s.Low * Absent, s.High * Absent) : null;

    /// <summary>One line for summaries and export notes.</summary>
    public string Describe() => CountInterval is { } c
        ? FormattableString.Invariant($"DNS-missed registrations: {Found} of {Sampled} sampled absent names are registered; estimate for all {Absent:N0} absent names {c.Count:N0} (95% CI {c.Low:N0}–{c.High:N0})")
        : "DNS-missed registrations: not estimated (no --verify-absent sample)";
}
