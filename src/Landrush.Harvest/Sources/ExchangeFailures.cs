namespace Landrush.Harvest.Sources;

/// <summary>The one rule for which exchange failures are transient, for WHOIS and RDAP alike.</summary>
public static class ExchangeFailures
{
    /// <summary>
    /// True when the same question may well succeed if asked again later: <see cref="ExchangeFailure.Refused"/>,
    /// <see cref="ExchangeFailure.Timeout"/>, <see cref="ExchangeFailure.Reset"/> and
    /// <see cref="ExchangeFailure.ServerError"/> (the network or the server had trouble). False for
    /// <see cref="ExchangeFailure.None"/> (nothing to retry), <see cref="ExchangeFailure.Oversize"/> and
    /// <see cref="ExchangeFailure.ProtocolError"/> (the same question gets the same answer: a retry only
    /// adds load). A retry loop still bounds its attempts and backs off; a throttle or limit reply is
    /// handled by its class and its <c>RetryAfter</c>, not here.
    /// </summary>
    public static bool IsTransient(this ExchangeFailure failure) => failure switch
    {
        ExchangeFailure.Refused or ExchangeFailure.Timeout or ExchangeFailure.Reset or ExchangeFailure.ServerError => true,
        _ => false,
    };
}
