using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace Landrush.Harvest.Dns;

/// <summary>
/// Finds a TLD's authoritative servers, the sweep's default targets: the TLD's NS records, then each server's
/// addresses (the glue in the reply where there is one, else an A and an AAAA lookup). Asked of a resolver
/// (the system's, or one given); single lookups, so DnsClient serves here where the sweep's hot loop does not.
/// </summary>
public static class TldServers
{
    /// <summary>
    /// The endpoints (<paramref name="port"/> on every address) of the servers of <paramref name="tld"/>, sorted;
    /// <paramref name="resolver"/> null asks the system's resolvers.
    /// </summary>
    /// <exception cref="IOException">No resolver answered, or the TLD has no server with an address.</exception>
    public static async Task<IReadOnlyList<IPEndPoint>> DiscoverAsync(string tld, IPEndPoint? resolver, int port = 53, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tld);
        var options = resolver is null ? new LookupClientOptions() : new LookupClientOptions(new NameServer(resolver));
        options.UseCache = false;
        options.Retries = 2;
        options.Timeout = TimeSpan.FromSeconds(3);
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        var client = new LookupClient(options);
        var where = resolver?.ToString() ?? "the system's resolver";
        try
        {
            var ns = await client.QueryAsync(tld.TrimEnd('.') + ".", QueryType.NS, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            if (ns.HasError)
            {
                throw new IOException($"cannot find the servers of .{tld}: {where} answered {ns.ErrorMessage}");
            }

            var hosts = ns.Answers.NsRecords().Select(r => r.NSDName.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (hosts.Count == 0)
            {
                throw new IOException($"cannot find the servers of .{tld}: {where} gave no NS record for it");
            }

            var glue = ns.Additionals.OfType<AddressRecord>().ToList();
            var addresses = new HashSet<IPAddress>();
            foreach (var host in hosts)
            {
                var known = glue.Where(g => string.Equals(g.DomainName.Value, host, StringComparison.OrdinalIgnoreCase)).Select(g => g.Address).ToList();
                if (known.Count == 0)
                {
                    foreach (var type in new[] { QueryType.A, QueryType.AAAA })
                    {
                        var reply = await client.QueryAsync(host, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                        known.AddRange(reply.Answers.OfType<AddressRecord>().Select(a => a.Address));
                    }
                }

                addresses.UnionWith(known);
            }

            if (addresses.Count == 0)
            {
                throw new IOException($"cannot find the servers of .{tld}: no address for {string.Join(", ", hosts)} at {where}");
            }

            // IPv4 first: a machine without IPv6 routes still reaches them.
            return [.. addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).ThenBy(a => a.ToString(), StringComparer.Ordinal)
                .Select(a => new IPEndPoint(a, port))];
        }
        catch (DnsResponseException e)
        {
            throw new IOException($"cannot find the servers of .{tld}: {where} did not answer ({e.Message})", e);
        }
    }
}
