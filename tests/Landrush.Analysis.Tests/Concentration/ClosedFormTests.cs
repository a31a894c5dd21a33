using Landrush.Analysis.Concentration;

namespace Landrush.Analysis.Tests.Concentration;

public class ClosedFormTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 1)]
    [InlineData(5, 3)]
    [InlineData(108, 104)]
    public void Equal_shares_give_k_over_n_one_over_n_and_no_inequality(int n, int each)
    {
        var h = Enumerable.Repeat(each, n).ToArray();
        Assert.Equal(Math.Min(2, n) / (double)n, ConcentrationRatio.Of(h, 2), 12);
        Assert.Equal(10_000.0 / n, HerfindahlIndex.Of(h), 9);
        Assert.Equal(n, HerfindahlIndex.NumbersEquivalent(h), 9);
        Assert.Equal(0, GiniCoefficient.Of(h), 12);
        Assert.Equal(0, TheilIndex.T(h), 12);
        if (n > 1)
        {
            Assert.Equal(0, HerfindahlIndex.Normalized(h), 12);
        }
        else
        {
            Assert.True(double.IsNaN(HerfindahlIndex.Normalized(h)));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(108)]
    public void One_holder_of_everything_among_n_gives_the_extremes(int n)
    {
        var h = new int[n];
        h[n / 2] = 11_245;
        Assert.Equal(1, ConcentrationRatio.Of(h, 1), 12);
        Assert.Equal(10_000, HerfindahlIndex.Of(h), 9);
        Assert.Equal(1, HerfindahlIndex.Normalized(h), 12);
        Assert.Equal((n - 1) / (double)n, GiniCoefficient.Of(h), 12);
        Assert.Equal(Math.Log(n), TheilIndex.T(h), 12);
        Assert.Equal((n - 1) / (double)n, GiniCoefficient.OfParticipants([11_245], n), 12);
    }

    [Fact]
    public void Small_vectors_by_hand()
    {
        // {1, 2, 3}: Σ|xi − xj| = 2·(1 + 2 + 1) = 8, 2n²μ = 2·9·2 = 36 → G = 2/9.
        Assert.Equal(2.0 / 9, GiniCoefficient.Of([3, 1, 2]), 15);
        // {1, 3}: shares 1/4, 3/4 → HHI 625 + 5625 = 6250; normalised (0.625 − 0.5)/0.5 = 0.25.
        Assert.Equal(6250, HerfindahlIndex.Of([1, 3]), 9);
        Assert.Equal(0.25, HerfindahlIndex.Normalized([1, 3]), 15);
        Assert.Equal(1.6, HerfindahlIndex.NumbersEquivalent([1, 3]), 12);
        // Theil of {1, 3}: μ = 2 → ½(½ ln ½ + 3/2 ln 3/2).
        Assert.Equal(0.5 * ((0.5 * Math.Log(0.5)) + (1.5 * Math.Log(1.5))), TheilIndex.T([1, 3]), 15);
        // CR2 of {5, 1, 4, 0}: (5 + 4)/10.
        Assert.Equal(0.9, ConcentrationRatio.Of([5, 1, 4, 0], 2), 15);
        // Gini over 4 participants of the holdings {2, 2}: {0, 0, 2, 2} → Σ|d| = 2·4·2 = 16, 2n²μ = 2·16·1 = 32 → ½.
        Assert.Equal(0.5, GiniCoefficient.OfParticipants([2, 2], 4), 15);
    }

    [Fact]
    public void Lorenz_points_run_from_origin_to_one_one_through_the_sorted_cumulative_shares()
    {
        var points = LorenzCurve.Points([3, 0, 1]);
        Assert.Equal(
            [new LorenzPoint(0, 0), new LorenzPoint(1 / 3.0, 0), new LorenzPoint(2 / 3.0, 0.25), new LorenzPoint(1, 1)],
            points);
        Assert.Empty(LorenzCurve.Points([]));
        Assert.Empty(LorenzCurve.Points([0, 0]));
    }

    [Fact]
    public void Empty_or_all_zero_input_gives_NaN_as_documented()
    {
        foreach (var h in new[] { Array.Empty<int>(), new[] { 0, 0 } })
        {
            Assert.True(double.IsNaN(ConcentrationRatio.Of(h, 2)));
            Assert.True(double.IsNaN(HerfindahlIndex.Of(h)));
            Assert.True(double.IsNaN(HerfindahlIndex.Normalized(h)));
            Assert.True(double.IsNaN(HerfindahlIndex.NumbersEquivalent(h)));
            Assert.True(double.IsNaN(GiniCoefficient.Of(h)));
            Assert.True(double.IsNaN(TheilIndex.T(h)));
        }
    }

    [Theory]
    [InlineData(0, HhiBand.Unconcentrated)]
    [InlineData(1000, HhiBand.Unconcentrated)]
    [InlineData(1000.5, HhiBand.ModeratelyConcentrated)]
    [InlineData(1800, HhiBand.ModeratelyConcentrated)]
    [InlineData(1800.01, HhiBand.HighlyConcentrated)]
    [InlineData(10000, HhiBand.HighlyConcentrated)]
    public void Bands_follow_the_2023_merger_guidelines(double hhi, HhiBand band) => Assert.Equal(band, HerfindahlIndex.Band(hhi));

    [Fact]
    public void Band_of_an_undefined_hhi_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HerfindahlIndex.Band(double.NaN));

    [Fact]
    public void Fewer_participants_than_holdings_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GiniCoefficient.OfParticipants([1, 2, 3], 2));
}
