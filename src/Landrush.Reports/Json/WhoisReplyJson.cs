using System.Text.Json.Serialization;
using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>
/// How a classified WHOIS or RDAP reply reads in a JSON line; <see cref="WhoisFileJson"/> (<c>whois-parse</c>) and
/// <see cref="WhoisQueryJson"/> (<c>whois</c>) put their own keys around it.
/// </summary>
public record WhoisReplyJson
{
    /// <summary>Reads <paramref name="reply"/>.</summary>
    public WhoisReplyJson(WhoisReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Class = Words.Reply(reply.Class);
        Era = Words.Era(reply.Era);
        Domain = reply.Domain;
        RetryAfterSeconds = reply.RetryAfter?.TotalSeconds;
        Message = reply.Message;
        Record = WhoisRecordJson.From(reply.Record);
    }

    /// <summary>What the reply says (<see cref="Words.Reply"/>).</summary>
    public string Class { get; }

    /// <summary>The format era it matched (<see cref="Words.Era"/>).</summary>
    public string Era { get; }

    /// <summary>The domain it is about; null when it names none.</summary>
    public string? Domain { get; }

    /// <summary>Seconds to wait before asking again; the key is left out when the server does not say.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RetryAfterSeconds { get; }

    /// <summary>The server's limit or error line, or why the reply was not understood; null when none.</summary>
    public string? Message { get; }

    /// <summary>The record read; null when there is none.</summary>
    public WhoisRecordJson? Record { get; }
}
