using Landrush.Analysis.Verdict.Spans;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class NumericAxesTests
{
    [Fact]
    public void Plain_numbers_run_across_lengths_and_padded_labels_stay_in_one()
    {
        var space = NameSpace.Parse("digits:1-5");
        var axes = NumericAxes.Of(space);
        Assert.Equal([1, 2, 3, 4, 5], axes.Widths);
        // Plain: 9 is the one-digit "9", 10 the two-digit "10", 2100 the four-digit "2100".
        Assert.Equal("9", space.NameAt(axes.IndexOf(0, 9)));
        Assert.Equal("10", space.NameAt(axes.IndexOf(0, 10)));
        Assert.Equal("2100", space.NameAt(axes.IndexOf(0, 2100)));
        // Padded: value 7 of width 4 is "0007".
        Assert.Equal("0007", space.NameAt(axes.IndexOf(4, 7)));
        Assert.Equal(-1, axes.IndexOf(4, 10_000));
        Assert.Equal((4, 123L), axes.Locate(space.IndexOf("0123")));
        Assert.Equal(-1, axes.PlainValue(space.IndexOf("0123")));
        Assert.Equal(123, axes.PlainValue(space.IndexOf("123")));
        Assert.Equal(100_000, axes.Extent(0));
    }

    [Fact]
    public void A_space_with_one_length_has_that_axis_only_and_a_plain_axis_that_skips_the_missing_lengths()
    {
        var space = NameSpace.Parse("digits:3");
        var axes = NumericAxes.Of(space);
        Assert.Equal([3], axes.Widths);
        Assert.Equal(-1, axes.IndexOf(0, 42));
        Assert.Equal("420", space.NameAt(axes.IndexOf(0, 420)));
        Assert.Equal("042", space.NameAt(axes.IndexOf(3, 42)));
    }
}
