using Landrush.Core.Enumeration;
using Landrush.Core.Whois;

namespace Landrush.Harvest.Whois;

/// <summary>One complete WHOIS exchange: the raw bytes as evidence, their text, and the classified reply.</summary>
/// <param name="Query">The name asked about (sent as its text and CRLF).</param>
/// <param name="Server"><c>host:port</c> asked.</param>
/// <param name="Raw">The bytes received, at most <see cref="WhoisClientOptions.MaxReplyBytes"/>.</param>
/// <param name="Text">The bytes decoded: valid UTF-8 as UTF-8, each other byte as Latin-1 (<see cref="WhoisText.Decode(ReadOnlySpan{byte}, out string)"/>).</param>
/// <param name="Encoding"><c>utf-8</c>, <c>latin-1</c> or <c>utf-8+latin-1</c>.</param>
/// <param name="Truncated">True when the server sent more than the cap and the reply was cut.</param>
/// <param name="Reply">The classification (<see cref="ReplyClass.Oversize"/> when cut).</param>
/// <param name="ReceivedAt">When the reply ended (UTC).</param>
/// <param name="Elapsed">Connect to end of reply.</param>
public sealed record WhoisResponse(
    DomainName Query,
    string Server,
    ReadOnlyMemory<byte> Raw,
    string Text,
    string Encoding,
    bool Truncated,
    WhoisReply Reply,
    DateTimeOffset ReceivedAt,
    TimeSpan Elapsed);
