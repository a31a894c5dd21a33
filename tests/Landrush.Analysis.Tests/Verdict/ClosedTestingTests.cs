using Landrush.Analysis.Verdict;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class ClosedTestingTests
{
    [Theory]
    // Simes' test of {p₁, p₂}: min(2·p₍₁₎, p₍₂₎). Closed testing (Hommel) flags party i when {i} and {1, 2} are rejected.
    [InlineData(0.01, 0.04, true, true)]     // Simes 0.02 ≤ 0.05, both singles ≤ 0.05
    [InlineData(0.02, 0.60, true, false)]    // Simes 0.04
    [InlineData(0.03, 0.50, false, false)]   // Simes min(0.06, 0.5) = 0.06 > 0.05: not even the first
    [InlineData(0.04, 0.045, true, true)]    // Simes min(0.08, 0.045) = 0.045
    public void Two_parties_are_flagged_as_hommels_procedure_says(double p1, double p2, bool first, bool second)
    {
        var (flagged, combined) = ClosedTesting.Run([p1, p2], 0.05);
        Assert.Equal([first, second], flagged);
        Assert.Equal(Math.Min(2 * Math.Min(p1, p2), Math.Max(p1, p2)), combined, 1e-12);
    }

    [Fact]
    public void Fishers_combination_matches_the_chi_square_closed_form_for_two_p_values()
    {
        // −2(ln p₁ + ln p₂) is χ²₄ under the null, whose upper tail is e^(−t/2)(1 + t/2).
        var t = -2 * (Math.Log(0.1) + Math.Log(0.2));
        Assert.Equal(Math.Exp(-t / 2) * (1 + (t / 2)), ClosedTesting.Fisher([0.1, 0.2]), 1e-9);
    }
}
