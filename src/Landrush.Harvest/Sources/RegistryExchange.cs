using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;

namespace Landrush.Harvest.Sources;

/// <summary>
/// One exchange with a registry, WHOIS or RDAP, as the harvester stores it: what was asked, where, when,
/// the bytes received as evidence, and either the reply read from them or why there was none.
/// </summary>
/// <param name="Query">The name asked about.</param>
/// <param name="Protocol"><see cref="RecordSource.Whois"/> or <see cref="RecordSource.Rdap"/>.</param>
/// <param name="Server"><c>host:port</c> (WHOIS) or the URL asked (RDAP).</param>
/// <param name="At">When the exchange ended (UTC).</param>
/// <param name="Raw">The bytes received, at most the source's cap; on a failure, whatever arrived before it
/// (possibly nothing). Evidence, never re-encoded.</param>
/// <param name="Reply">The reply read from <paramref name="Raw"/> (a <see cref="ReplyClass"/> and any record);
/// null when <paramref name="Failure"/> left nothing to read. Set for <see cref="ExchangeFailure.Oversize"/>
/// (class <see cref="ReplyClass.Oversize"/>).</param>
/// <param name="Elapsed">From the start of the exchange to its end.</param>
/// <param name="Failure">Why there is no complete reply; <see cref="ExchangeFailure.None"/> when there is one.</param>
/// <param name="FailureMessage">The failure in words, for logs (<c>cannot connect to 127.0.0.1:43: …</c>); null without a failure.</param>
public sealed record RegistryExchange(
    DomainName Query,
    RecordSource Protocol,
    string Server,
    DateTimeOffset At,
    ReadOnlyMemory<byte> Raw,
    WhoisReply? Reply,
    TimeSpan Elapsed,
    ExchangeFailure Failure = ExchangeFailure.None,
    string? FailureMessage = null)
{
    /// <summary>True when the failure is worth retrying (<see cref="ExchangeFailures.IsTransient"/>).</summary>
    public bool IsTransientFailure => Failure.IsTransient();
}
