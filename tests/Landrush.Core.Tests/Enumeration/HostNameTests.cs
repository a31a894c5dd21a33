using Landrush.Core.Enumeration;

namespace Landrush.Core.Tests.Enumeration;

/// <summary><see cref="HostName"/>: the LDH rules written once, for domain names, TLDs and name servers.</summary>
public class HostNameTests
{
    [Theory]
    [InlineData("ns1.example.nl", "ns1.example.nl")]
    [InlineData("NS1.Example.NL.", "ns1.example.nl")]
    [InlineData("  ns.nl\t", "ns.nl")]
    [InlineData("localhost", "localhost")]
    [InlineData("xn--zo-hia.nl", "xn--zo-hia.nl")]
    public void A_server_s_host_name_is_trimmed_and_lower_cased(string text, string expected)
    {
        Assert.True(HostName.TryParse(text, out var host));
        Assert.Equal(expected, host.Value);
        Assert.Equal(expected, host.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a..nl")]
    [InlineData("-a.nl")]
    [InlineData("a-.nl")]
    [InlineData("a_b.nl")]
    [InlineData("a b.nl")]
    [InlineData("é.nl")]
    [InlineData("a.nl..")]
    public void Anything_else_is_not_a_host_name(string? text)
    {
        Assert.False(HostName.TryParse(text, out var host));
        Assert.Equal(default, host);
    }

    [Fact]
    public void Labels_of_63_and_names_of_253_characters_are_the_longest()
    {
        var label63 = new string('a', 63);
        Assert.True(HostName.TryParse(label63 + ".nl", out _));
        Assert.False(HostName.TryParse(new string('a', 64) + ".nl", out _));
        var name253 = $"{label63}.{label63}.{label63}.{new string('b', 61)}";
        Assert.Equal(253, name253.Length);
        Assert.True(HostName.TryParse(name253, out _));
        Assert.False(HostName.TryParse(name253 + "c", out _));
    }

    [Theory]
    [InlineData("ns1.example.nl", true)]
    [InlineData("NS1.example.nl", false)]
    [InlineData("ns1.example.nl.", false)]
    [InlineData(" ns1.example.nl", false)]
    [InlineData("ns1..nl", false)]
    public void The_canonical_form_is_exact(string text, bool canonical) => Assert.Equal(canonical, HostName.IsCanonical(text));

    [Fact]
    public void Qualified_means_more_than_one_label_and_equality_is_by_text()
    {
        Assert.True(HostName.TryParse("ns.nl", out var a));
        Assert.True(HostName.TryParse("NS.nl.", out var b));
        Assert.True(HostName.TryParse("ns", out var bare));
        Assert.True(a.IsQualified);
        Assert.False(bare.IsQualified);
        Assert.Equal(a, b);
        Assert.NotEqual(a, bare);
    }
}
