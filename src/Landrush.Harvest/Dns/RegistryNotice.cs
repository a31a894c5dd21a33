using System.Net;
using System.Text;
using DnsClient;
using DnsClient.Protocol;
using Landrush.Core.Whois;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Dns;

/// <summary>
/// What the TLD's DNS server says about itself at the apex: the TXT records of <c>TLD.</c>, asked once when a harvest
/// starts. Landrush's registry simulator serves its notice there (the dataset, and whether it is synthetic) and its WHOIS
/// limits; a real registry serves none of that, and the harvest goes on as before. So a store learns that its source is
/// synthetic from its first reply, before any WHOIS reply, and a harvest stopped after its DNS sweep exports as what it is.
/// </summary>
/// <param name="Server">The server that answered (<c>host:port</c>).</param>
/// <param name="At">When the reply came (UTC).</param>
/// <param name="Texts">Each TXT record's text (its strings joined), as served.</param>
public sealed record RegistryNotice(string Server, DateTimeOffset At, IReadOnlyList<string> Texts)
{
    /// <summary>The simulator's notice, when the server served one.</summary>
    public SimulatorNotice? Notice => Texts.Select(SimulatorNotice.TryFind).OfType<SimulatorNotice>().FirstOrDefault();

    /// <summary>The simulator's WHOIS limits, when the server stated them.</summary>
    public SimulatorLimits? Limits => Texts.Select(SimulatorLimits.TryParse).OfType<SimulatorLimits>().FirstOrDefault();

    /// <summary>
    /// Asks the first of <paramref name="servers"/> that answers for the TXT records of <paramref name="tld"/> (two tries
    /// of a second each per server); null when none answers. Never throws for the network: the sweep reports a dead server.
    /// </summary>
    public static async Task<RegistryNotice?> AskAsync(IReadOnlyList<IPEndPoint> servers, string tld, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentException.ThrowIfNullOrWhiteSpace(tld);
        foreach (var server in servers)
        {
            var client = new LookupClient(new LookupClientOptions(server)
            {
                UseCache = false,
                Recursion = false,
                Retries = 1,
                Timeout = TimeSpan.FromSeconds(1),
                ThrowDnsErrors = false,
                ContinueOnDnsError = false,
            });
            try
            {
                var reply = await client.QueryAsync(tld.TrimEnd('.') + ".", QueryType.TXT, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                var texts = reply.Answers.TxtRecords().Select(t => string.Concat(t.Text)).ToList();
                return new RegistryNotice(server.ToString(), DateTimeOffset.UtcNow, texts);
            }
            catch (DnsResponseException)
            {
                // No answer from this one: the next, or none.
            }
        }

        return null;
    }

    /// <summary>
    /// The reply as a store keeps it: a reply about the registry rather than a name (index -1, named by the TLD), source
    /// <c>dns</c>, class <c>notice</c>, its raw content the TXT texts one a line, and the simulator's notice when there is one.
    /// </summary>
    public StoredReply ToStoredReply(string tld) =>
        new(0, -1, tld, "dns", Server, At, "notice", Notice?.ToLine(), Encoding.UTF8.GetBytes(string.Join('\n', Texts)));
}
