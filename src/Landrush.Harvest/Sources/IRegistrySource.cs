using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Harvest.Sources;

/// <summary>
/// Where the harvester asks who holds a name: a WHOIS server (<see cref="WhoisSource"/>) or an RDAP service
/// (<see cref="RdapSource"/>), behind one shape. Every exchange, answered or failed, comes back as one
/// <see cref="RegistryExchange"/>; <see cref="ExchangeFailures.IsTransient"/> is the one rule for what to
/// retry.
/// </summary>
public interface IRegistrySource
{
    /// <summary>Which protocol this source speaks: <see cref="RecordSource.Whois"/> or <see cref="RecordSource.Rdap"/>.</summary>
    RecordSource Protocol { get; }

    /// <summary>The server asked: <c>host:port</c> for WHOIS, the base URL for RDAP.</summary>
    string Server { get; }

    /// <summary>
    /// Asks about <paramref name="name"/>. Never throws for trouble on the network or at the server: that
    /// is <see cref="RegistryExchange.Failure"/>. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<RegistryExchange> QueryAsync(DomainName name, CancellationToken cancellationToken = default) => QueryAsync(name, null, cancellationToken);

    /// <summary>
    /// As <see cref="QueryAsync(DomainName, CancellationToken)"/>, the query written through <paramref name="gate"/>
    /// when given: entered once the connection is up, so that the time connecting takes does not shift the
    /// moment the server counts.
    /// </summary>
    Task<RegistryExchange> QueryAsync(DomainName name, ISendGate? gate, CancellationToken cancellationToken = default);
}
