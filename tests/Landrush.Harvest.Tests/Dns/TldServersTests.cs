using System.Net;
using System.Net.Sockets;
using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Tests.Dns;

/// <summary>Finding a TLD's servers, asked of a real NSD on 127.0.0.1 acting as the resolver.</summary>
public sealed class TldServersTests
{
    [SkippableFact]
    public async Task The_TLDs_servers_are_its_NS_records_addresses_glue_or_looked_up()
    {
        NsdServer.Require();

        // Two servers inside the zone (their addresses come as glue) and one outside it, which this NSD does not
        // know: its lookups are refused, so it adds no address rather than failing the whole discovery.
        using var nsd = NsdServer.Start("nl", [],
            "@ IN NS ns1.nl.\n@ IN NS ns2.nl.\n@ IN NS ns3.nic.example.\nns1 IN A 127.0.0.1\nns2 IN A 127.0.0.2\nns2 IN AAAA ::1\n");
        var servers = await TldServers.DiscoverAsync("nl", nsd.EndPoint, port: 5353);
        Assert.Equal(["127.0.0.1:5353", "127.0.0.2:5353", "[::1]:5353"], servers.Select(e => e.ToString()));
    }

    [SkippableFact]
    public async Task A_TLD_without_a_server_address_is_an_IO_error_that_says_so()
    {
        NsdServer.Require();
        using var nsd = NsdServer.Start("nl", []);
        var e = await Assert.ThrowsAsync<IOException>(() => TldServers.DiscoverAsync("nl", nsd.EndPoint));
        Assert.Contains("no address for ns1.nic.example.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolver_that_does_not_answer_is_an_IO_error()
    {
        // A UDP port on loopback that nobody reads: bound, never answered.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var e = await Assert.ThrowsAsync<IOException>(() => TldServers.DiscoverAsync("nl", (IPEndPoint)silent.LocalEndPoint!));
        Assert.StartsWith("cannot find the servers of .nl: 127.0.0.1:", e.Message, StringComparison.Ordinal);
    }
}
