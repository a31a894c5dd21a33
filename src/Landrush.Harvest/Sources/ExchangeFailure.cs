namespace Landrush.Harvest.Sources;

/// <summary>
/// Why an exchange with a registry gave no reply to read, the same for WHOIS and RDAP. A server's limit or
/// busy message is not a failure: it is a reply, and its <see cref="Core.Whois.ReplyClass"/> says so.
/// Which kinds are worth retrying: <see cref="ExchangeFailures.IsTransient"/>.
/// </summary>
public enum ExchangeFailure
{
    /// <summary>A complete reply was received (whatever its class).</summary>
    None = 0,

    /// <summary>No connection: refused, unreachable, or the name of the server did not resolve.</summary>
    Refused,

    /// <summary>No connection, or no complete reply, within the source's timeouts.</summary>
    Timeout,

    /// <summary>The connection broke before the end of the reply.</summary>
    Reset,

    /// <summary>The reply was larger than the cap and was cut (<see cref="Core.Whois.ReplyClass.Oversize"/>).</summary>
    Oversize,

    /// <summary>The server answered with something the protocol does not allow here: an HTTP status other
    /// than 200, 404 and 429 below 500, a 404 that is not from an RDAP service, a malformed response.</summary>
    ProtocolError,

    /// <summary>The server said it failed (HTTP 5xx).</summary>
    ServerError,
}
