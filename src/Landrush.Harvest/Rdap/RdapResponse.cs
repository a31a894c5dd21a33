using System.Net;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;

namespace Landrush.Harvest.Rdap;

/// <summary>One RDAP exchange that the client could classify: the body as evidence and the reply read from it.</summary>
/// <param name="Domain">The name asked for.</param>
/// <param name="Uri">The URL asked.</param>
/// <param name="StatusCode">HTTP status (200, 404 or 429).</param>
/// <param name="Raw">The body's bytes as received (cut at the cap when <see cref="Truncated"/>): the evidence.</param>
/// <param name="Body">The body as text (<see cref="WhoisText.Decode(ReadOnlySpan{byte}, out string)"/>).</param>
/// <param name="Truncated">True when the body exceeded the cap.</param>
/// <param name="Reply">The classification (<see cref="ReplyClass.Throttled"/> carries the <c>Retry-After</c> wait).</param>
/// <param name="ReceivedAt">When the response ended (UTC).</param>
/// <param name="Elapsed">Request sent to end of body.</param>
public sealed record RdapResponse(
    DomainName Domain,
    Uri Uri,
    HttpStatusCode StatusCode,
    ReadOnlyMemory<byte> Raw,
    string Body,
    bool Truncated,
    WhoisReply Reply,
    DateTimeOffset ReceivedAt,
    TimeSpan Elapsed);
