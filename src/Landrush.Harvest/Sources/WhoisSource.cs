using System.Diagnostics;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Whois;

namespace Landrush.Harvest.Sources;

/// <summary>A WHOIS server (RFC 3912) as an <see cref="IRegistrySource"/>, over <see cref="WhoisClient"/>.</summary>
public sealed class WhoisSource(WhoisClient client) : IRegistrySource
{
    /// <summary>A source over a new client with <paramref name="options"/>.</summary>
    public WhoisSource(WhoisClientOptions? options = null) : this(new WhoisClient(options)) { }

    public WhoisClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    public RecordSource Protocol => RecordSource.Whois;

    public string Server => Client.Options.Server;

    public Task<RegistryExchange> QueryAsync(DomainName name, CancellationToken cancellationToken = default) => QueryAsync(name, null, cancellationToken);

    public async Task<RegistryExchange> QueryAsync(DomainName name, ISendGate? gate, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var r = await Client.QueryAsync(name, gate, cancellationToken);
            return new RegistryExchange(name, Protocol, r.Server, r.ReceivedAt, r.Raw, r.Reply, r.Elapsed,
                r.Truncated ? ExchangeFailure.Oversize : ExchangeFailure.None, r.Truncated ? r.Reply.Message : null);
        }
        catch (WhoisException ex)
        {
            return new RegistryExchange(name, Protocol, ex.Server, DateTimeOffset.UtcNow, ex.Received, null, stopwatch.Elapsed,
                KindOf(ex.Failure), ex.Message);
        }
    }

    /// <summary>The exchange failure a WHOIS failure is.</summary>
    public static ExchangeFailure KindOf(WhoisFailure failure) => failure switch
    {
        WhoisFailure.ConnectFailed => ExchangeFailure.Refused,
        WhoisFailure.Reset => ExchangeFailure.Reset,
        _ => ExchangeFailure.Timeout,
    };
}
