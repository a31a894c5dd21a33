using System.Text.Json.Serialization;
using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>The line of <c>landrush whois --json</c>: the exchange, the reply read from it, and the reply's text.</summary>
public sealed record WhoisQueryJson : WhoisReplyJson
{
    /// <summary>The line for one exchange (the command maps the client's response into this: Reports knows no client).</summary>
    /// <param name="query">The name asked.</param>
    /// <param name="server">The server asked.</param>
    /// <param name="bytes">Bytes received.</param>
    /// <param name="encoding">How they were decoded.</param>
    /// <param name="truncated">True when the reply was cut at the cap.</param>
    /// <param name="elapsed">How long the exchange took.</param>
    /// <param name="reply">The reply read.</param>
    /// <param name="raw">The reply's text as decoded.</param>
    public WhoisQueryJson(string query, string server, int bytes, string encoding, bool truncated, TimeSpan elapsed, WhoisReply reply, string raw)
        : base(reply)
    {
        Query = query;
        Server = server;
        Bytes = bytes;
        Encoding = encoding;
        Truncated = truncated;
        ElapsedMs = Math.Round(elapsed.TotalMilliseconds, 1);
        Raw = raw;
    }

    /// <summary>The name asked.</summary>
    [JsonPropertyOrder(-1)]
    public string Query { get; }

    /// <summary>The server asked.</summary>
    [JsonPropertyOrder(-1)]
    public string Server { get; }

    /// <summary>Bytes received.</summary>
    [JsonPropertyOrder(-1)]
    public int Bytes { get; }

    /// <summary>How they were decoded: <c>utf-8</c>, <c>latin-1</c> or <c>utf-8+latin-1</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Encoding { get; }

    /// <summary>True when the reply was cut at the cap.</summary>
    [JsonPropertyOrder(-1)]
    public bool Truncated { get; }

    /// <summary>Milliseconds the exchange took, rounded to one decimal.</summary>
    [JsonPropertyOrder(-1)]
    public double ElapsedMs { get; }

    /// <summary>The reply's text as decoded.</summary>
    [JsonPropertyOrder(1)]
    public string Raw { get; }
}
