using Landrush.Core.Whois;

namespace Landrush.Harvest.Pipeline;

/// <summary>One exchange with a registry source.</summary>
/// <param name="At">When it ended (UTC).</param>
/// <param name="Server">Who was asked.</param>
/// <param name="Raw">The bytes received (possibly none, or part of a reply after a failure).</param>
/// <param name="Text">The bytes decoded.</param>
/// <param name="Reply">The classified reply; null when the exchange failed.</param>
/// <param name="Failure">Why there is no reply (refused, timeout, reset); null when there is one.</param>
public sealed record RegistryAnswer(DateTimeOffset At, string Server, ReadOnlyMemory<byte> Raw, string Text, WhoisReply? Reply, string? Failure)
{
    /// <summary>Lower-case class for the store: the reply's class, or <c>failed</c>.</summary>
    public string ClassText => Reply is null ? "failed" : Reply.Class.ToString().ToLowerInvariant();

    /// <summary>
    /// The one transient rule: a failed exchange, a busy/unavailable reply or an unparseable one may
    /// succeed when asked again later. Throttles and daily limits are not transient failures: they are
    /// handled by waiting (see <see cref="Harvester"/>).
    /// </summary>
    public bool IsTransient => Reply is null || Reply.Class is ReplyClass.Unavailable or ReplyClass.Unparseable or ReplyClass.Oversize;
}
