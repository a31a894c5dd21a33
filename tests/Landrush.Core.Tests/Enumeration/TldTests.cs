using Landrush.Core.Enumeration;

namespace Landrush.Core.Tests.Enumeration;

public class TldTests
{
    [Theory]
    [InlineData("nl", "nl")]
    [InlineData(".NL", "nl")]
    [InlineData(" co.uk. ", "co.uk")]
    public void A_tld_is_lower_case_without_dots_at_either_end(string text, string expected)
    {
        Assert.Equal(expected, Tld.Parse(text).Value);
        Assert.Equal(expected, Tld.Parse(text).ToString());
        Assert.Equal(Tld.Parse(expected), Tld.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("n_l")]
    [InlineData("-nl")]
    [InlineData("co..uk")]
    public void Anything_else_is_a_user_input_error(string text)
    {
        var ex = Assert.Throws<UserInputException>(() => Tld.Parse(text));
        Assert.Equal($"bad TLD '{text}': write e.g. nl", ex.Message);
    }

    [Fact]
    public void Name_makes_the_domain_name_under_the_tld()
    {
        var nl = Tld.Parse("nl");
        Assert.Equal(new DomainName("0123", "nl"), nl.Name("0123"));
        Assert.Equal("0123.nl", nl.Name("0123").ToString());
        Assert.Equal(DomainName.Parse("ab-c.co.uk"), Tld.Parse("co.uk").Name("AB-c"));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a b")]
    public void Name_refuses_what_is_not_one_label(string label) =>
        Assert.Throws<UserInputException>(() => Tld.Parse("nl").Name(label));
}
