using Landrush.Core.Whois;

namespace Landrush.Harvest.Whois;

/// <summary>Settings of a <see cref="WhoisClient"/>. Every value is checked when set.</summary>
public sealed record WhoisClientOptions
{
    /// <summary>Port 43 (RFC 3912 §2).</summary>
    public const int DefaultPort = 43;

    /// <summary>Server host name or address. Default is <c>whois.domain-registry.nl</c> (SIDN, .nl).</summary>
    public string Host
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("host is empty", nameof(value)) : value.Trim();
    } = "whois.domain-registry.nl";

    /// <summary>TCP port. Default is 43.</summary>
    public int Port
    {
        get;
        init => field = value is >= 1 and <= 65535 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "port is 1 to 65535");
    } = DefaultPort;

    /// <summary>Longest wait for the TCP connection. Default is 10 seconds.</summary>
    public TimeSpan ConnectTimeout
    {
        get;
        init => field = Positive(value);
    } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest silence while reading: a server that sends nothing for this long is given up on, even if it
    /// sent something before. Default is 10 seconds.
    /// </summary>
    public TimeSpan ReadTimeout
    {
        get;
        init => field = Positive(value);
    } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest whole exchange (connect, send, read to the end), so that a server dripping one byte at a time
    /// cannot hold the client forever. Default is 30 seconds.
    /// </summary>
    public TimeSpan OverallTimeout
    {
        get;
        init => field = Positive(value);
    } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest reply kept. A longer reply is cut at this many bytes and classified as oversize; nothing
    /// beyond it is buffered. Default is <see cref="CappedBuffer.DefaultReplyCap"/>, 1 MiB (1,048,576
    /// bytes); a real .nl reply is about 2 KB.
    /// </summary>
    public int MaxReplyBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be positive");
    } = CappedBuffer.DefaultReplyCap;

    /// <summary>
    /// The local address the connection leaves from (bound before connecting), so that one machine with several
    /// addresses can run a harvester per address, each within that address's limits. Default is null: the system's choice.
    /// </summary>
    public System.Net.IPAddress? LocalAddress { get; init; }

    /// <summary><c>host:port</c>, for messages.</summary>
    public string Server => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    private static TimeSpan Positive(TimeSpan value) =>
        value > TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "must be above zero and at most an hour");
}
