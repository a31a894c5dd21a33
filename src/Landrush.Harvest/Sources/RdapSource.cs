using System.Diagnostics;
using System.Net;
using System.Net.Http;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Rdap;

namespace Landrush.Harvest.Sources;

/// <summary>An RDAP service (RFC 9082, RFC 9083) as an <see cref="IRegistrySource"/>, over <see cref="RdapClient"/>.</summary>
public sealed class RdapSource(RdapClient client) : IRegistrySource
{
    public RdapClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    public RecordSource Protocol => RecordSource.Rdap;

    public string Server => Client.Options.BaseUri.AbsoluteUri;

    public Task<RegistryExchange> QueryAsync(DomainName name, CancellationToken cancellationToken = default) => QueryAsync(name, null, cancellationToken);

    public async Task<RegistryExchange> QueryAsync(DomainName name, ISendGate? gate, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var uri = Client.Options.DomainUri(name).AbsoluteUri;
        // HTTP keeps its connections in a pool and writes the request inside the client: the gate is passed
        // as the request starts (holding it through the whole exchange would allow one request at a time).
        if (gate is not null)
        {
            await gate.EnterAsync(cancellationToken);
            gate.Sent();
        }

        try
        {
            var r = await Client.LookupAsync(name, cancellationToken);
            return new RegistryExchange(name, Protocol, r.Uri.AbsoluteUri, r.ReceivedAt, r.Raw, r.Reply, r.Elapsed,
                r.Truncated ? ExchangeFailure.Oversize : ExchangeFailure.None, r.Truncated ? r.Reply.Message : null);
        }
        catch (TimeoutException ex)
        {
            return Failed(ExchangeFailure.Timeout, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return Failed(KindOf(ex), ex.Message);
        }

        RegistryExchange Failed(ExchangeFailure failure, string message) =>
            new(name, Protocol, uri, DateTimeOffset.UtcNow, ReadOnlyMemory<byte>.Empty, null, stopwatch.Elapsed, failure, message);
    }

    /// <summary>The exchange failure an HTTP failure is: by status when the server answered, else by what broke.</summary>
    public static ExchangeFailure KindOf(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode is { } status)
        {
            return (int)status >= 500 ? ExchangeFailure.ServerError : ExchangeFailure.ProtocolError;
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError
                or HttpRequestError.SecureConnectionError => ExchangeFailure.Refused,
            HttpRequestError.ResponseEnded => ExchangeFailure.Reset,
            HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError
                or HttpRequestError.VersionNegotiationError or HttpRequestError.ConfigurationLimitExceeded => ExchangeFailure.ProtocolError,
            _ => exception.InnerException is IOException ? ExchangeFailure.Reset : ExchangeFailure.ProtocolError,
        };
    }
}
