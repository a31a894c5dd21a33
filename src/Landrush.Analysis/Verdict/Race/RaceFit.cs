using Landrush.Analysis.Verdict;

namespace Landrush.Analysis.Verdict.Race;

/// <summary>One setting of a race's likelihood: send order, competitor timing (order exponent β and the lists' length,
/// <see cref="Demand.OthersDemand.Timings"/>), offset and multiple (indices).</summary>
public readonly record struct RaceSetting(int Order, int Timing, int Offset, int Multiple);

/// <summary>
/// A race's profile log-likelihood over <see cref="SpanRace.Multiples"/> (maximised over order, β, the lists' length, offset and level
/// at each multiple) and where each maximum lies: the fitted multiple and its 95% profile-likelihood interval.
/// </summary>
public sealed record RaceFit(double[] Profile, RaceSetting[] At, string[] Orders)
{
    /// <summary>χ²₁ at 0.95, halved: the drop of the log-likelihood that bounds a 95% interval.</summary>
    public static readonly double HalfChiSquare95 = MathNet.Numerics.Distributions.ChiSquared.InvCDF(1, 0.95) / 2;

    /// <summary>Index of the maximum.</summary>
    public int Best
    {
        get
        {
            var best = 0;
            for (var g = 1; g < Profile.Length; g++)
            {
                best = Profile[g] > Profile[best] ? g : best;
            }

            return best;
        }
    }

    /// <summary>The setting at the maximum.</summary>
    public RaceSetting BestSetting => At[Best];

    /// <summary>The best setting among the multiples of at most <paramref name="k"/> (the restricted fit of "at most k×").</summary>
    public RaceSetting BestAtMost(double k) => At[Enumerable.Range(0, SpanRace.Multiples.Count)
        .Where(g => SpanRace.Multiples[g] <= k * (1 + 1e-9)).DefaultIfEmpty(0).MaxBy(g => Profile[g])];

    /// <summary>The send order the data chose, in words.</summary>
    public string ChosenOrder => Orders[BestSetting.Order];

    /// <summary>
    /// The maximum-likelihood multiple (refined by a parabola in log multiple) and the 95% interval: the hull of the
    /// multiples whose profile lies within χ²₁/2 of its maximum. Nothing is read at a grid edge: the estimate is null when the
    /// maximum lies at the top of the grid (the data bound the multiple only from below: "above Low"), at its bottom (only
    /// from above: "below High") or when the interval spans the whole grid (not identified); Low is 0 when the interval
    /// reaches the bottom of the grid (no lower bound) and High null when it reaches the top.
    /// </summary>
    public MultipleRange Estimate()
    {
        var m = SpanRace.Multiples;
        var best = Best;
        var cut = Profile[best] - HalfChiSquare95;
        // The interval is the hull of every multiple within the cut, not only the stretch around the peak: a profile with
        // a second mode nearly as high (a slow reading and a fast one that explain the losses alike) must not be read as
        // the fast one alone.
        var first = Array.FindIndex(Profile, l => l >= cut);
        var last = Array.FindLastIndex(Profile, l => l >= cut);
        // The grid's lowest multiple within the cut is not a bound: a slower party would fit as well, so the interval starts at 0.
        var low = first == 0 ? 0 : Crossing(first - 1, first, cut);
        double? high = last == Profile.Length - 1 ? null : Crossing(last + 1, last, cut);
        if (best == Profile.Length - 1 || best == 0 || (low == 0 && high is null))
        {
            return new(null, best == Profile.Length - 1 ? low : 0, best == 0 ? high : null);
        }

        var x = Math.Log(m[best]);
        double a = Profile[best - 1], b = Profile[best], c = Profile[best + 1];
        var denominator = a - (2 * b) + c;
        if (denominator < 0)
        {
            x += 0.5 * (a - c) / denominator * (Math.Log(m[1]) - Math.Log(m[0]));
        }

        var multiple = Math.Exp(x);
        return new(multiple, Math.Min(low, multiple), high is { } h ? Math.Max(h, multiple) : null);
    }

    // Multiple where the profile crosses `cut` between grid points `outside` and `inside` (linear in log multiple).
    private double Crossing(int outside, int inside, double cut)
    {
        var m = SpanRace.Multiples;
        var f = (cut - Profile[outside]) / (Profile[inside] - Profile[outside]);
        return Math.Exp(Math.Log(m[outside]) + (f * (Math.Log(m[inside]) - Math.Log(m[outside]))));
    }
}
