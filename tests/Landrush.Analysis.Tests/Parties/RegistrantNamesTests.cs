using Landrush.Analysis.Parties;

namespace Landrush.Analysis.Tests.Parties;

public class RegistrantNamesTests
{
    [Theory]
    [InlineData("Acme B.V.", "acme")]
    [InlineData("ACME BV", "acme")]
    [InlineData("  acme   b. v. ", "acme")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("Acme Ltd", "acme")]
    [InlineData("Acme Holding N.V.", "acme holding")]
    [InlineData("Café Noël GmbH", "cafe noel")]
    [InlineData("J. Smith", "j smith")]
    [InlineData("Dvořák Łódź ŠŽ", "dvorak lodz sz")]
    [InlineData("De Vries & Zn.", "de vries zn")]
    public void Variants_of_one_name_meet(string raw, string normalised) => Assert.Equal(normalised, RegistrantNames.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("B.V.")]
    [InlineData("--")]
    public void Nothing_identifying_gives_the_empty_string(string? raw) => Assert.Equal(string.Empty, RegistrantNames.Normalize(raw));

    [Fact]
    public void Different_holders_stay_different() =>
        Assert.NotEqual(RegistrantNames.Normalize("Acme B.V."), RegistrantNames.Normalize("Acne B.V."));
}
