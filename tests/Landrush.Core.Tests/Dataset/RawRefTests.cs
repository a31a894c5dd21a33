using Landrush.Core.Dataset;

namespace Landrush.Core.Tests.Dataset;

/// <summary><see cref="RawRef"/>: <c>raw/NAME/ID</c> read and written in one place.</summary>
public class RawRefTests
{
    [Theory]
    [InlineData("0123.nl", 17L, "raw/0123.nl/17")]
    [InlineData("nl", 0L, "raw/nl/0")]
    [InlineData("9.co.uk", long.MaxValue, "raw/9.co.uk/9223372036854775807")]
    public void Writing_then_reading_gives_the_reference_back(string name, long id, string text)
    {
        var r = new RawRef(name, id);
        Assert.Equal(text, r.ToString());
        Assert.True(RawRef.TryParse(text, out var back));
        Assert.Equal(r, back);
        Assert.Equal(id, RawRef.IdOf(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("raw/")]
    [InlineData("raw//17")]
    [InlineData("raw/0123.nl/")]
    [InlineData("raw/0123.nl/017")]
    [InlineData("raw/0123.nl/+17")]
    [InlineData("raw/0123.nl/-1")]
    [InlineData("raw/0123.nl/ 17")]
    [InlineData("raw/0123.nl/99999999999999999999")]
    [InlineData("raw/0123.nl/20080301T120000Z.txt")]
    [InlineData("Raw/0123.nl/17")]
    [InlineData("x/0123.nl/17")]
    public void Anything_a_store_did_not_write_is_not_a_reference(string? text)
    {
        Assert.False(RawRef.TryParse(text, out _));
        Assert.Null(RawRef.IdOf(text));
    }

    [Fact]
    public void Equality_is_ordinal_on_name_and_id()
    {
        Assert.Equal(new RawRef("1.nl", 2), new RawRef("1.nl", 2));
        Assert.NotEqual(new RawRef("1.nl", 2), new RawRef("1.NL", 2));
        Assert.NotEqual(new RawRef("1.nl", 2), new RawRef("1.nl", 3));
    }
}
