using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Core.Tests.Dataset;

public class RecordFactsTests
{
    private static readonly RegistryRecord Served = new(DomainName.Parse("0123.nl"), DomainStatus.Active, "Registrar A", "ABC001234-XYZAB", "Holder B.V.", "DEF000001-XYZAB",
        ["ns1.example.nl", "ns2.example.nl"], new DateOnly(2008, 2, 28), new DateOnly(2008, 3, 1), RecordSource.Reconstruction);

    [Fact]
    public void How_a_row_was_obtained_is_not_a_fact_about_the_name()
    {
        var harvested = Served with { Source = RecordSource.Whois, FetchedAt = DateTimeOffset.UnixEpoch, RawRef = "raw/0123.nl/1", NameServers = ["ns1.example.nl", "ns2.example.nl"] };
        Assert.Empty(RecordFacts.Differences(Served, harvested));
    }

    [Fact]
    public void Every_fact_column_that_differs_is_named()
    {
        var other = Served with
        {
            Status = DomainStatus.Inactive,
            Registrar = "Registrar Z",
            RegistrantHandle = null,
            RegistrantName = "Holder BV",
            AdminHandle = "X",
            NameServers = ["ns1.example.nl"],
            Created = null,
            Updated = new DateOnly(2009, 1, 1),
        };
        Assert.Equal(
            ["status", "registrar", "registrant_handle", "registrant_name", "admin_handle", "name_servers", "created", "updated"],
            RecordFacts.Differences(Served, other));
        Assert.Equal(["name"], RecordFacts.Differences(Served, Served with { Name = DomainName.Parse("0124.nl") }));
    }

    [Fact]
    public void No_name_servers_and_an_empty_list_say_the_same()
    {
        Assert.Empty(RecordFacts.Differences(Served with { NameServers = null }, Served with { NameServers = [] }));
    }
}
