namespace Landrush.Core.Whois;

/// <summary>
/// The tokeniser of the WHOIS reader: splits a reply into <see cref="WhoisLine"/>s and tells a label line
/// (<c>Label:</c> with an optional value) from any other. Linear in the reply's length.
/// </summary>
internal static class WhoisLines
{
    // Longer "labels" are prose that happens to contain a colon.
    private const int MaxLabelLength = 40;

    /// <summary>
    /// Splits at CRLF, LF or CR in any mix. A run of CRs that ends in an LF (<c>\r\r\n</c>: a reply saved
    /// twice through a text-mode conversion) is one line end, not a blank line: a blank line closes a block,
    /// and read as one it would cut the registrar and name servers off their labels. CRs not followed by an
    /// LF each end a line. A leading byte-order mark is dropped: it is not indentation.
    /// </summary>
    public static List<WhoisLine> Split(string text)
    {
        var s = text.StartsWith('\uFEFF') ? text.AsSpan(1) : text.AsSpan();
        var lines = new List<WhoisLine>();
        var start = 0;
        var i = 0;
        while (i <= s.Length)
        {
            if (i == s.Length)
            {
                lines.Add(MakeLine(s[start..]));
                break;
            }

            var c = s[i];
            if (c == '\n')
            {
                lines.Add(MakeLine(s[start..i]));
                start = i = i + 1;
                continue;
            }

            if (c != '\r')
            {
                i++;
                continue;
            }

            var end = i;
            while (end < s.Length && s[end] == '\r')
            {
                end++;
            }

            lines.Add(MakeLine(s[start..i]));
            if (end < s.Length && s[end] == '\n')
            {
                start = i = end + 1;
                continue;
            }

            // Bare CRs: each further one is an empty line.
            for (var k = i + 1; k < end; k++)
            {
                lines.Add(new WhoisLine(0, ""));
            }

            start = i = end;
        }

        return lines;
    }

    private static WhoisLine MakeLine(ReadOnlySpan<char> raw)
    {
        var indent = 0;
        // A tab counts as one step of indentation; only the relative depth matters.
        while (indent < raw.Length && raw[indent] is ' ' or '\t')
        {
            indent++;
        }

        var content = raw[indent..].TrimEnd();
        return new WhoisLine(content.IsEmpty ? 0 : indent, content.ToString());
    }

    /// <summary>Reads <c>Label:</c> or <c>Label: value</c>; false for anything else (a URL, an IPv6 address, prose).</summary>
    public static bool TryLabel(string content, out string label, out string inline)
    {
        label = inline = "";
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon > MaxLabelLength || !char.IsAsciiLetter(content[0]))
        {
            return false;
        }

        // "http://" and IPv6 addresses are values, not labels.
        if (colon + 1 < content.Length && !char.IsWhiteSpace(content[colon + 1]))
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            if (!(char.IsAsciiLetter(content[i]) || content[i] is ' ' or '(' or ')' or '-' or '/' or '\'' or '.'))
            {
                return false;
            }
        }

        label = content[..colon].Trim();
        inline = content[(colon + 1)..].Trim();
        return true;
    }
}
