using System.Text.Json.Serialization;
using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>One line of <c>landrush whois-parse --json</c>: the file, then the reply read from it.</summary>
public sealed record WhoisFileJson : WhoisReplyJson
{
    /// <summary>The line for <paramref name="reply"/>, read from <paramref name="file"/>.</summary>
    public WhoisFileJson(string file, WhoisReply reply)
        : base(reply) => File = file;

    /// <summary>The file as named on the command line.</summary>
    [JsonPropertyOrder(-1)]
    public string File { get; }
}
