using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles.Tests;

/// <summary>The indicators get the block and the area codes from the profile through their options, never from the TLD.</summary>
public class ProfileIndicatorsTests
{
    // A holds the area code 020 and plain numbers in the block 0–2100; B plain four-digit numbers above it.
    private static readonly string[] BlockNames = ["1037", "1049", "1052", "1063", "1076", "1084", "1091"];

    private static readonly string[] OtherNames = ["4739", "4751", "5739", "6739", "4738", "7391", "8347", "9137"];

    private static ResolvedAllocation Allocation(string tld)
    {
        IEnumerable<(string Label, string Party)> names = [("020", "A"), .. BlockNames.Select(l => (l, "A")), .. OtherNames.Select(l => (l, "B"))];
        var rows = names.Select(n => new RegistryRecord(new DomainName(n.Label, tld), DomainStatus.Active, "R1", n.Party)).ToList();
        return AllocationBuilder.Build(new RegistryDatasetHeader(NameSpace.Parse("digits:1-4"), tld), rows);
    }

    [Fact]
    public void Another_tld_with_the_profile_gets_its_block_and_area_codes()
    {
        var r = Allocation("com");
        var options = Nl2008Profile.Profile.Indicators(new IndicatorOptions());
        var a = r.Allocation.PartyLabels.ToList().IndexOf("A");
        var block = FraudIndicators.Of(r, options).Single(i => i.Name == "range.block_share:0-2100" && i.Party == "A");
        Assert.Equal(1.0, block.Value);

        // At an area code's weight only 020 is attractive, and only through the profile's codes.
        var threshold = options.Attractiveness!.Weight("020");
        Assert.All(BlockNames.Concat(OtherNames), l => Assert.True(options.Attractiveness.Weight(l) < threshold, l));
        var premium = FraudIndicators.PremiumCapture(r.Allocation, a, options with { AttractiveWeight = threshold });
        Assert.Equal(1.0, premium.Value);
        var generic = FraudIndicators.PremiumCapture(r.Allocation, a, new IndicatorOptions { AttractiveWeight = threshold });
        Assert.Null(generic.Value);
    }

    [Fact]
    public void The_nl_tld_without_a_profile_gets_neither()
    {
        var r = Allocation("nl");
        Assert.Null(ProfileRegistry.Choose(ProfileRegistry.None, new RegistryDatasetHeader(r.Allocation.Space, "nl")));
        var indicators = FraudIndicators.Of(r, new IndicatorOptions());
        Assert.DoesNotContain(indicators, i => i.Name.StartsWith("range.block_share", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_given_in_the_options_beats_the_profiles()
    {
        var options = Nl2008Profile.Profile.Indicators(new IndicatorOptions { Block = new NumericBlock(5, 9) });
        Assert.Equal(new NumericBlock(5, 9), options.Block);
        Assert.Contains(FraudIndicators.Of(Allocation("nl"), options), i => i.Name == "range.block_share:5-9");
    }
}
