using Landrush.Core.Enumeration;

namespace Landrush.Core.Tests.Enumeration;

/// <summary><see cref="DomainName.Parse"/>: every label is checked, because a name reaches a WHOIS server as typed.</summary>
public class DomainNameTests
{
    [Theory]
    [InlineData("1234.nl", "1234", "nl")]
    [InlineData("0123.NL.", "0123", "nl")]
    [InlineData("  6060.nl ", "6060", "nl")]
    [InlineData("A-b.Co.UK", "a-b", "co.uk")]
    [InlineData("xn--zo-hia.nl", "xn--zo-hia", "nl")]
    public void Valid_names_are_lower_cased_and_split_at_the_first_dot(string text, string label, string tld)
    {
        Assert.Equal(new DomainName(label, tld), DomainName.Parse(text));
    }

    [Fact]
    public void Labels_of_63_and_names_of_253_characters_are_the_longest_allowed()
    {
        var label63 = new string('a', 63);
        Assert.Equal(label63, DomainName.Parse(label63 + ".nl").Label);

        // 3 labels of 63 + 1 of 58 + 4 dots (without the TLD's) = 253 with ".nl".
        var name253 = $"{label63}.{label63}.{label63}.{new string('b', 58)}.nl";
        Assert.Equal(253, name253.Length);
        Assert.Equal(name253, DomainName.Parse(name253).ToString());
        Assert.Equal(name253, DomainName.Parse(name253 + ".").ToString());
    }

    [Theory]
    [InlineData("a b.nl", "bad domain name 'a b.nl': ' ' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("é.nl", "bad domain name 'é.nl': 'é' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("a\nb.nl", "bad domain name 'a\\x0ab.nl': '\\x0a' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("a\u001b[31m.nl", "bad domain name 'a\\x1b[31m.nl': '\\x1b' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("a_b.nl", "bad domain name 'a_b.nl': '_' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("-x.nl", "bad domain name '-x.nl': label '-x' starts or ends with '-'")]
    [InlineData("x-.nl", "bad domain name 'x-.nl': label 'x-' starts or ends with '-'")]
    [InlineData("x.-nl", "bad domain name 'x.-nl': label '-nl' starts or ends with '-'")]
    [InlineData("a..nl", "bad domain name 'a..nl': empty label")]
    [InlineData(".nl", "bad domain name '.nl': empty label")]
    [InlineData("a.nl..", "bad domain name 'a.nl..': empty label")]
    [InlineData("6060", "bad domain name '6060': write e.g. 1234.nl")]
    [InlineData("6060.", "bad domain name '6060.': write e.g. 1234.nl")]
    [InlineData("", "bad domain name '': write e.g. 1234.nl")]
    [InlineData("  ", "bad domain name '  ': write e.g. 1234.nl")]
    public void Bad_names_are_user_input_errors_that_say_why(string text, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => DomainName.Parse(text));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Too_long_labels_and_names_are_user_input_errors()
    {
        var label64 = new string('a', 64);
        Assert.Equal($"bad domain name '{label64}.nl': label '{label64}' is longer than 63 characters",
            Assert.Throws<UserInputException>(() => DomainName.Parse(label64 + ".nl")).Message);

        var label63 = new string('a', 63);
        var name254 = $"{label63}.{label63}.{label63}.{new string('b', 59)}.nl";
        Assert.Equal($"bad domain name '{name254}': 254 characters, more than 253",
            Assert.Throws<UserInputException>(() => DomainName.Parse(name254)).Message);
    }

    [Theory]
    [InlineData("nl", "nl")]
    [InlineData(".NL.", "nl")]
    [InlineData("co.uk", "co.uk")]
    public void Tld_normalisation_still_accepts_surrounding_dots(string text, string tld)
    {
        Assert.Equal(tld, DomainName.NormalizeTld(text));
    }

    // Moved from the WHOIS reader's own validator, which DomainName.TryParse replaced.
    [Theory]
    [InlineData("0.nl", true)]
    [InlineData("a-b.example.nl.", true)]
    [InlineData("-a.nl", false)]
    [InlineData("a-.nl", false)]
    [InlineData("nl", false)]
    [InlineData("a..nl", false)]
    [InlineData("a b.nl", false)]
    public void Domain_names_are_checked(string name, bool valid)
    {
        Assert.Equal(valid, DomainName.TryParse(name, out _));
    }

    [Theory]
    [InlineData("1234.nl")]
    [InlineData("0123.NL.")]
    [InlineData("A-b.Co.UK")]
    [InlineData("6060")]
    [InlineData("a..nl")]
    [InlineData("é.nl")]
    [InlineData("")]
    public void TryParse_accepts_exactly_what_Parse_accepts_and_gives_the_same_name(string text)
    {
        var ok = DomainName.TryParse(text, out var name);
        if (ok)
        {
            Assert.Equal(DomainName.Parse(text), name);
        }
        else
        {
            Assert.Throws<UserInputException>(() => DomainName.Parse(text));
            Assert.Equal(default, name);
        }

        Assert.False(DomainName.TryParse(null, out _));
    }
}
