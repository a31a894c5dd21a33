using Landrush.Analysis.Concentration;

namespace Landrush.Analysis.Tests.Concentration;

/// <summary>Every index against the exact rational value of its textbook definition, to 1e-12.</summary>
public class ExactArithmeticTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_holdings_match_exact_rational_arithmetic(int seed)
    {
        var h = RandomHoldings(seed);
        for (var k = 1; k <= 4; k++)
        {
            Assert.Equal(ExactIndices.CrK(h, k).ToDouble(), ConcentrationRatio.Of(h, k), 1e-12);
        }

        Assert.Equal(ExactIndices.Hhi(h).ToDouble(), HerfindahlIndex.Of(h), 1e-12 * 10_000);
        Assert.Equal(ExactIndices.NormalizedHhi(h).ToDouble(), HerfindahlIndex.Normalized(h), 1e-12);
        Assert.Equal(ExactIndices.Gini(h).ToDouble(), GiniCoefficient.Of(h), 1e-12);
        var padded = h.Concat(new int[37]).ToArray();
        Assert.Equal(ExactIndices.Gini(padded).ToDouble(), GiniCoefficient.OfParticipants(h, h.Length + 37), 1e-12);
    }

    [Fact]
    public void The_reconstruction_scale_matches_too()
    {
        // Two giants and a long tail of small holders, as in the 2008 shape.
        var random = new Random(2008);
        var h = new[] { 5086, 5010 }.Concat(Enumerable.Range(0, 106).Select(_ => random.Next(1, 60))).ToArray();
        Assert.Equal(ExactIndices.Gini(h).ToDouble(), GiniCoefficient.Of(h), 1e-12);
        Assert.Equal(ExactIndices.Hhi(h).ToDouble() / 10_000, HerfindahlIndex.Of(h) / 10_000, 1e-12);
        Assert.Equal(ExactIndices.CrK(h, 2).ToDouble(), ConcentrationRatio.Of(h, 2), 1e-12);
    }

    internal static int[] RandomHoldings(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 200);
        return [.. Enumerable.Range(0, n).Select(_ => random.Next(0, 4) == 0 ? random.Next(1, 6000) : random.Next(0, 30))];
    }
}
