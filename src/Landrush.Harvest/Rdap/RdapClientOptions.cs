using Landrush.Core.Enumeration;
using Landrush.Core.Whois;

namespace Landrush.Harvest.Rdap;

/// <summary>Settings of an <see cref="RdapClient"/>. Every value is checked when set.</summary>
public sealed record RdapClientOptions
{
    /// <summary>
    /// Base URL; the client asks <c>{BaseUri}/domain/{name}</c> (RFC 9082 §3.1.3). Default is
    /// <c>https://rdap.sidn.nl/</c> (SIDN, .nl).
    /// </summary>
    public Uri BaseUri
    {
        get;
        init => field = value is { IsAbsoluteUri: true } && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps)
            ? value
            : throw new ArgumentException("the RDAP base must be an absolute http or https URL", nameof(value));
    } = new("https://rdap.sidn.nl/");

    /// <summary>Longest whole request (connect, headers, body). Default is 10 seconds.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "must be above zero and at most an hour");
    } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body read; a longer one is cut and classified oversize. Default is
    /// <see cref="CappedBuffer.DefaultReplyCap"/>, 1 MiB (1,048,576 bytes).</summary>
    public int MaxResponseBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be positive");
    } = CappedBuffer.DefaultReplyCap;

    /// <summary>The URL for <paramref name="domain"/>.</summary>
    public Uri DomainUri(DomainName domain)
    {
        var b = BaseUri.AbsoluteUri.TrimEnd('/');
        return new Uri($"{b}/domain/{Uri.EscapeDataString(domain.ToString())}");
    }
}
