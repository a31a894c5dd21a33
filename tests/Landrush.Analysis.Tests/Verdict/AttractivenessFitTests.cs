using Landrush.Analysis.Verdict.Demand;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class AttractivenessFitTests
{
    [Fact]
    public void Length_only_want_rates_are_the_closed_form_of_the_complementary_log_log_model()
    {
        // One rate per length is a saturated model: the maximum-likelihood λ of length L solves
        // 1 − e^(−λ) = held/count, i.e. λ = −ln(1 − held/count); the small ridge on the coefficients moves it by
        // under 1% for the ten one-digit names and far less for the larger classes.
        var space = NameSpace.Parse("digits:1-4");
        var rng = new SeededRandom(5);
        var truth = new[] { 3.0, 1.2, 0.4, 0.05 };
        var held = space.Enumerate().Select(label => rng.NextDouble() < 1 - Math.Exp(-truth[label.Length - 1])).ToArray();
        var lengths = space.Enumerate().Select(label => label.Length).ToArray();
        var rates = AttractivenessFit.WantRates(space, held, patternFeatures: false);
        for (var length = 1; length <= 4; length++)
        {
            var names = Enumerable.Range(0, lengths.Length).Where(i => lengths[i] == length).ToArray();
            var share = names.Count(i => held[i]) / (double)names.Length;
            var closedForm = -Math.Log(1 - Math.Min(share, 1 - (0.5 / names.Length)));
            Assert.Equal(closedForm, rates[names[0]], closedForm * (names.Length < 100 ? 1e-2 : 1e-3));
            Assert.All(names, i => Assert.Equal(rates[names[0]], rates[i]));
        }
    }

    [Fact]
    public void Excluded_names_take_no_part_in_the_fit_but_get_a_rate()
    {
        // The four-digit names 5000–5999 are all held (a range party's block) and excluded: the rate of four-digit
        // names is the one the others give, and the block's names get that rate too.
        var space = NameSpace.Parse("digits:4");
        var rng = new SeededRandom(6);
        var held = Enumerable.Range(0, 10_000).Select(i => i is >= 5000 and < 6000 || rng.NextDouble() < 0.1).ToArray();
        var exclude = Enumerable.Range(0, 10_000).Select(i => i is >= 5000 and < 6000).ToArray();
        var rates = AttractivenessFit.WantRates(space, held, patternFeatures: false, exclude);
        var share = Enumerable.Range(0, 10_000).Where(i => !exclude[i]).Count(i => held[i]) / 9_000.0;
        Assert.Equal(-Math.Log(1 - share), rates[5500], 1e-4);
        Assert.Equal(rates[0], rates[5500]);
    }

    [Fact]
    public void A_span_takes_its_rate_from_what_its_names_are_not_from_where_they_lie()
    {
        // A range party's block 3100–3999 is excluded; of the hundred names 3000–3099 left outside beside it, others
        // happened to want four times as many as elsewhere. Where a number lies along its length is no feature: the
        // block's plain names get the rate plain names get outside, not the rate of the hundred beside them.
        var space = NameSpace.Parse("digits:4");
        var rng = new SeededRandom(7);
        var held = Enumerable.Range(0, 10_000).Select(i => rng.NextDouble() < (i is >= 3000 and < 3100 ? 0.2 : 0.05)).ToArray();
        var exclude = Enumerable.Range(0, 10_000).Select(i => i is >= 3100 and < 4000).ToArray();
        var rates = AttractivenessFit.WantRates(space, held, patternFeatures: true, exclude);
        var labels = space.Enumerate().ToArray();
        var plain = Enumerable.Range(0, 10_000).Where(i => LabelFeatures.Of(labels[i]) == 0).ToArray();
        double Mean(Func<int, bool> where) => plain.Where(where).Average(i => rates[i]);
        var inBlock = Mean(i => exclude[i]);
        var elsewhere = Mean(i => !exclude[i] && i is < 3000 or >= 3100);
        Assert.InRange(inBlock / elsewhere, 0.8, 1.25);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_length_with_no_name_outside_the_spans_takes_the_rate_its_neighbours_imply(bool patternFeatures)
    {
        // Every three-digit name lies in a range span (excluded). Outside, others want a name a third as often for each
        // digit it has: λ = 3, 1, –, 1/9, 1/27. Nothing outside says what three-digit names are worth; on a straight line
        // in log λ between two and four digits they are worth 1/3. Before, the ridge alone held that length's intercept
        // (λ = 1 without features; with the digit counts, up to thousands of requests per name in a blind landrush).
        var space = NameSpace.Parse("digits:1-5");
        var rng = new SeededRandom(8);
        var labels = space.Enumerate().ToArray();
        var held = labels.Select(label => rng.NextDouble() < 1 - Math.Exp(-3 * Math.Pow(3, 1 - label.Length))).ToArray();
        var exclude = labels.Select(label => label.Length == 3).ToArray();
        var rates = AttractivenessFit.WantRates(space, held, patternFeatures, exclude);
        var threeDigit = Enumerable.Range(0, labels.Length).Where(i => labels[i].Length == 3).Average(i => rates[i]);
        Assert.InRange(threeDigit, 1 / 3.0 / 1.5, 1 / 3.0 * 1.5);
    }
}
