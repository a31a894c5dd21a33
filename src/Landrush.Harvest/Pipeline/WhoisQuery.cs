using Landrush.Core.Whois;
using Landrush.Harvest.Whois;

namespace Landrush.Harvest.Pipeline;

/// <summary><see cref="IRegistryQuery"/> over the RFC 3912 <see cref="WhoisClient"/>.</summary>
public sealed class WhoisQuery(WhoisClient client) : IRegistryQuery
{
    public string Source => "whois";

    public string Server => client.Options.Server;

    public async Task<RegistryAnswer> AskAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var r = await client.QueryAsync(name, cancellationToken).ConfigureAwait(false);
            return new RegistryAnswer(r.ReceivedAt, r.Server, r.Raw, r.Text, r.Reply, null);
        }
        catch (WhoisException ex)
        {
            return new RegistryAnswer(DateTimeOffset.UtcNow, ex.Server, ex.Received, WhoisText.Decode(ex.Received.Span, out _), null, ex.Message);
        }
    }
}
