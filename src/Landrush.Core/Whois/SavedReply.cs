using Landrush.Core.Rdap;

namespace Landrush.Core.Whois;

/// <summary>
/// Reads a saved reply whose protocol is not known: RDAP JSON (RFC 9083) or .nl WHOIS text. Used by
/// <c>whois-parse</c>; the clients know their protocol and call the right reader themselves.
/// </summary>
public static class SavedReply
{
    /// <summary>True when the first character that is not white space (after an optional byte-order mark)
    /// is <c>{</c>: a JSON object, read as RDAP. No WHOIS reply starts with one.</summary>
    public static bool LooksLikeRdap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        s = s.StartsWith("\uFEFF") ? s[1..] : s;
        return s.TrimStart().StartsWith("{", StringComparison.Ordinal);
    }

    /// <summary>Decodes (<see cref="WhoisText.Decode(ReadOnlySpan{byte})"/>) and reads one reply.</summary>
    public static WhoisReply Read(ReadOnlySpan<byte> bytes)
    {
        var text = WhoisText.Decode(bytes);
        return LooksLikeRdap(text) ? RdapParser.Parse(text) : WhoisParser.Parse(text);
    }

    /// <summary>Reads what a capped read kept: a cut input is <see cref="ReplyClass.Oversize"/> and not read,
    /// as the clients do.</summary>
    public static WhoisReply Read(CappedBuffer input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Truncated ? WhoisReply.OversizeAt(input.Cap) : Read(input.ToArray());
    }
}
