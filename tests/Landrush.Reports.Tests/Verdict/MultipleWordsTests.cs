using Landrush.Analysis.Verdict;
using Landrush.Analysis.Verdict.Race;
using Landrush.Reports.Verdict;

namespace Landrush.Reports.Tests.Verdict;

/// <summary>
/// A multiple's short words come from what the race's profile says: an estimate with its interval, a one-sided bound
/// where the likelihood peaks at an edge of the grid, or nothing; never the grid's floor or ceiling read as a number.
/// </summary>
public class MultipleWordsTests
{
    // ℓ = −4·(log₂ m − peak)² over the grid, as a race's profile.
    private static MultipleRange Profile(double peak) =>
        new RaceFit([.. SpanRace.Multiples.Select(m => -4 * Math.Pow(Math.Log2(m) - peak, 2))], new RaceSetting[SpanRace.Multiples.Count], ["upwards"]).Estimate();

    // The cut χ²₁/2 ≈ 1.92 below the maximum: at 2^(3 ± 0.69) = 5× and 12.9× around a peak at 8×; a peak beyond the grid's
    // floor (¼×, ℓ −16) crosses it between ¼× and 2^−1.75 (ℓ −20.25), at 0.27× linearly; beyond its ceiling (1,024×, ℓ −64),
    // between 2^9.75 (ℓ −72.25) and 1,024×, at 2^9.94 = 983.5×.
    [Theory]
    [InlineData(3, "8×", "5× to 12.9×")]
    [InlineData(-4, "below 0.3×", null)]
    [InlineData(14, "above 983.5×", null)]
    public void A_profile_reads_as_an_estimate_or_as_the_bound_its_edge_gives(double peak, string reading, string? interval)
    {
        var range = Profile(peak);
        Assert.Equal(reading, MultipleWords.Reading(range, "0.#", "×"));
        Assert.Equal(interval, MultipleWords.Interval(range, "0.#", "×"));
    }

    [Fact]
    public void An_interval_reaching_the_floor_reads_up_to_its_upper_end_and_a_flat_profile_reads_nothing()
    {
        var wide = new RaceFit([.. SpanRace.Multiples.Select(m => -0.25 * Math.Pow(Math.Log2(m) + 1, 2))], new RaceSetting[SpanRace.Multiples.Count], ["upwards"]).Estimate();
        Assert.Equal("0.5×", MultipleWords.Reading(wide, "0.#", "×"));
        Assert.StartsWith("up to 3.", MultipleWords.Interval(wide, "0.#", "×"), StringComparison.Ordinal);

        var flat = new RaceFit(new double[SpanRace.Multiples.Count], new RaceSetting[SpanRace.Multiples.Count], ["upwards"]).Estimate();
        Assert.False(flat.Identified);
        Assert.Equal("n/a", MultipleWords.Reading(flat, "0.#", "", "n/a"));
        Assert.Null(MultipleWords.Interval(flat, "0.#", ""));
    }

    [Fact]
    public void A_sensitivity_reading_bounded_from_above_says_below_in_the_text_and_the_table()
    {
        var below = Profile(-4);
        Assert.True(below.Below);
        var row = new SensitivityRow("length-only", "attractiveness by length only", false, 0.5, [new MultipleRange(12.5, 4.2, null), below], 3, 0.85, 0.94);

        Assert.Equal("12.5 / below 0.3", string.Join(" / ", row.Multiples.Select(m => MultipleWords.Reading(m, "0.#", "", "n/a"))));
        Assert.Equal([12.5, null], Landrush.Reports.Json.SensitivityJson.From(row).Multiples);
    }
}
