using Landrush.Core.Enumeration;

namespace Landrush.Core.Tests.Enumeration;

public class NameSpaceTests
{
    [Fact]
    public void Default_space_is_the_111110_names_of_one_to_five_digits_with_leading_zeros()
    {
        var ns = NameSpace.Default;
        Assert.Equal(111_110, ns.Count);
        Assert.Equal("0", ns.NameAt(0));
        Assert.Equal("9", ns.NameAt(9));
        Assert.Equal("00", ns.NameAt(10));
        Assert.Equal("99", ns.NameAt(109));
        Assert.Equal("000", ns.NameAt(110));
        Assert.Equal("00000", ns.NameAt(11_110));
        Assert.Equal("99999", ns.NameAt(111_109));
        Assert.Equal(1_110 + 1234, ns.IndexOf("1234"));
        Assert.Equal(-1, ns.IndexOf("123456"));
        Assert.Equal(-1, ns.IndexOf("12a"));
        Assert.Equal(-1, ns.IndexOf(""));
    }

    [Theory]
    [InlineData("digits:4-5+digits:1-3")]
    [InlineData("digits:1-3+digits:4-5")]
    [InlineData("[0-9]:1-5")]
    public void Canonical_order_does_not_depend_on_how_the_parts_are_written(string spec)
    {
        var canonical = NameSpace.Parse(spec).Canonical();
        Assert.Equal(NameSpace.Default.Enumerate(), canonical.Enumerate());
        var mixed = NameSpace.Parse("letters:2+digits:1-2").Canonical();
        Assert.Equal(NameSpace.Parse("digits:1-2+letters:2").Enumerate(), mixed.Enumerate());
        Assert.Same(NameSpace.Default, NameSpace.Default.Canonical());
    }

    [Fact]
    public void Default_enumeration_is_distinct_and_in_index_order()
    {
        var i = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in NameSpace.Default.Enumerate())
        {
            Assert.Equal(NameSpace.Default.NameAt(i), label);
            Assert.True(seen.Add(label));
            i++;
        }

        Assert.Equal(111_110, i);
    }

    [Theory]
    [InlineData("digits:4", 10_000)]
    [InlineData("digits:2-5", 111_100)]
    [InlineData("letters:2", 676)]
    [InlineData("digits:1-3+letters:2", 1_110 + 676)]
    // Hyphen never first or last: 36 + 36*36 + 36*37*36.
    [InlineData("[0-9a-z-]:1-3", 36 + 1_296 + 47_952)]
    [InlineData("ldh:1", 36)]
    [InlineData("[a-c]:1-2+[x-z]:1-2", 12 + 12)]
    public void Count_is_the_closed_form(string spec, long expected)
    {
        var ns = NameSpace.Parse(spec);
        Assert.Equal(expected, ns.Count);
        Assert.Equal(expected, ns.Enumerate().LongCount());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("digits:0")]
    [InlineData("digits:5-3")]
    [InlineData("digits:1-99")]
    [InlineData("digits:64")]
    [InlineData("digits")]
    [InlineData("digits:")]
    [InlineData(":3")]
    [InlineData("digits:a")]
    [InlineData("digits:-3")]
    [InlineData("numbers:3")]
    [InlineData("[]:2")]
    [InlineData("[A-Z]:2")]
    [InlineData("[z-a]:2")]
    [InlineData("[-]:2")]
    [InlineData("digits:1-3+")]
    [InlineData("digits:1-3+digits:3")]
    [InlineData("digits:2+[0-5]:1-2")]
    public void Bad_specs_are_refused_with_a_user_error(string spec)
    {
        var ex = Assert.Throws<UserInputException>(() => NameSpace.Parse(spec));
        Assert.DoesNotContain('\n', ex.Message);
        Assert.NotEmpty(ex.Message);
    }

    [Fact]
    public void A_space_too_large_to_enumerate_is_refused_with_its_count()
    {
        var ex = Assert.Throws<UserInputException>(() => NameSpace.Parse("digits:1-9"));
        Assert.Contains("1,111,111,110", ex.Message);
        var huge = Assert.Throws<UserInputException>(() => NameSpace.Parse("ldh:63"));
        Assert.Contains("names", huge.Message);
        Assert.Equal(1_000_000_000, NameSpace.Parse("digits:9").Count);
    }

    [Fact]
    public void Parts_sharing_only_the_hyphen_do_not_overlap()
    {
        // No valid label is made of hyphens alone, so these parts are disjoint.
        var ns = NameSpace.Parse("[a-]:1-3+[0-]:1-3");
        Assert.Equal(ns.Enumerate().Count(), ns.Enumerate().Distinct().Count());
    }

    [Fact]
    public void Hyphens_never_start_or_end_a_label()
    {
        var labels = NameSpace.Parse("[ab-]:1-4").Enumerate().ToList();
        Assert.All(labels, l => Assert.True(l[0] != '-' && l[^1] != '-', l));
        Assert.Contains("a--b", labels);
    }
}
