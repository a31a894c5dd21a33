namespace Landrush.Harvest.Whois;

/// <summary>
/// A WHOIS exchange that ended without a complete reply. It is an <see cref="IOException"/>, so callers
/// that treat network trouble alike need not know it; <see cref="Received"/> keeps what did arrive as
/// evidence, but it is not a reply and must not be parsed as one.
/// </summary>
public sealed class WhoisException : IOException
{
    public WhoisException(WhoisFailure failure, string server, string message, ReadOnlyMemory<byte> received = default, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Server = server;
        Received = received;
    }

    public WhoisException() : this(WhoisFailure.ConnectFailed, "", "WHOIS exchange failed") { }

    public WhoisException(string message) : this(WhoisFailure.ConnectFailed, "", message) { }

    public WhoisException(string message, Exception inner) : this(WhoisFailure.ConnectFailed, "", message, default, inner) { }

    public WhoisFailure Failure { get; }

    /// <summary><c>host:port</c> asked.</summary>
    public string Server { get; }

    /// <summary>Bytes received before the failure (possibly none).</summary>
    public ReadOnlyMemory<byte> Received { get; }

    /// <summary>True for the three timeouts.</summary>
    public bool IsTimeout => Failure is WhoisFailure.ConnectTimeout or WhoisFailure.ReadTimeout or WhoisFailure.OverallTimeout;
}
