using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Profiles.Nl2008;

namespace Landrush.Profiles.Tests;

public class ProfileRegistryTests
{
    private static RegistryDatasetHeader Header(string tld, string? provenance = null) =>
        new(NameSpace.Parse("digits:1-2"), tld) { Provenance = provenance };

    [Fact]
    public void The_provenance_names_the_profile_before_the_tld_does()
    {
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.For(Header("com", "synthetic-reconstruction:profile=nl-2008:seed=2008")));
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.Choose("auto", Header("com", "x:profile=NL-2008")));
    }

    [Fact]
    public void Without_a_profile_in_the_provenance_the_tld_decides()
    {
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.For(Header("nl")));
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.For(Header("nl", "harvest:whois.domain-registry.nl")));
        // A profile the provenance names but Landrush does not know is no profile: the TLD still decides.
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.For(Header("nl", "synthetic-reconstruction:profile=nl-2099")));
        Assert.Null(ProfileRegistry.For(Header("com")));
        Assert.Null(ProfileRegistry.For(Header("com", "synthetic-reconstruction:profile=nl-2099")));
    }

    [Fact]
    public void None_and_a_name_override_the_dataset()
    {
        Assert.Null(ProfileRegistry.Choose("none", Header("nl", "synthetic-reconstruction:profile=nl-2008")));
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.Choose(" nl-2008 ", Header("com")));
        var ex = Assert.Throws<UserInputException>(() => ProfileRegistry.Choose("nl-2009", Header("nl")));
        Assert.Equal("unknown profile 'nl-2009': known profiles are nl-2008 (or auto, none)", ex.Message);
    }

    [Fact]
    public void The_nl_2008_profile_builds_its_reconstruction_and_nothing_else_does()
    {
        Assert.Equal(["nl-2008"], ProfileRegistry.Reconstructions);
        Assert.Same(Nl2008Profile.Profile, ProfileRegistry.Reconstruction("NL-2008"));
        Assert.Throws<UserInputException>(() => ProfileRegistry.Reconstruction("none"));
    }
}
