using System.Net;
using Landrush.Core.Whois;

namespace Landrush.Harvest.Rdap;

/// <summary>One RDAP exchange that the client could classify: the body as evidence and the reply read from it.</summary>
/// <param name="Domain">The name asked for.</param>
/// <param name="Uri">The URL asked.</param>
/// <param name="StatusCode">HTTP status (200, 404 or 429).</param>
/// <param name="Body">The body as text (cut at the cap when <see cref="Truncated"/>).</param>
/// <param name="Truncated">True when the body exceeded the cap.</param>
/// <param name="Reply">The classification (<see cref="ReplyClass.Throttled"/> carries the <c>Retry-After</c> wait).</param>
/// <param name="ReceivedAt">When the response ended (UTC).</param>
public sealed record RdapResponse(
    string Domain,
    Uri Uri,
    HttpStatusCode StatusCode,
    string Body,
    bool Truncated,
    WhoisReply Reply,
    DateTimeOffset ReceivedAt);
