namespace Landrush.Core.Tests;

public class PrintableTests
{
    [Theory]
    [InlineData("Kemphaan BV", "Kemphaan BV")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("\u001b[2J\u001b]0;pwned\u0007", "\\x1b[2J\\x1b]0;pwned\\x07")]
    [InlineData("a\r\nb\0", "a\\x0d\\x0ab\\x00")]
    [InlineData("del\u007f c1\u009b", "del\\x7f c1\\x9b")]
    [InlineData("Zoë \\x1b", "Zoë \\x1b")]
    public void Control_characters_except_tab_are_escaped(string text, string expected)
    {
        Assert.Equal(expected, Printable.Escape(text));
    }
}
