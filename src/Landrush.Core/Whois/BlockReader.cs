using Landrush.Core.Whois.Eras;

namespace Landrush.Core.Whois;

/// <summary>
/// Groups a reply's lines into labelled fields. A label line is <c>Label:</c> (optionally followed by a
/// value); the lines after it that are indented deeper (or, after an empty label, unlabelled lines at the
/// same depth) are its values, up to a blank line. <c>Copyright notice</c> ends the record.
/// </summary>
/// <remarks>
/// Also collects the lines that may carry a limit message: lines of their own, outside any block's
/// values (<c>whois.domain-registry.nl: only 1 request per second allowed, try again later</c> reads
/// like a label of its own); a party's name or address is a value inside a block, so a registrant
/// called "Try Again Later B.V." never makes a record a throttle.
/// </remarks>
internal static class BlockReader
{
    public static BlockLayout Read(List<WhoisLine> lines)
    {
        var fields = new List<LabelledBlock>();
        var messageLines = new List<WhoisLine>();
        var cutOff = new List<string>();
        var domainsAfterEnd = 0;
        LabelledBlock? open = null;
        // A label with no value, closed by a blank line: the next line, if deeper, was cut off from it.
        LabelledBlock? closedEmpty = null;
        var ended = false;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                closedEmpty = open is { Inline.Length: 0, Values.Count: 0 } ? open : closedEmpty;
                open = null;
                continue;
            }

            if (closedEmpty is not null && open is null && !ended && line.Indent > closedEmpty.Indent
                && !WhoisLines.TryLabel(line.Content, out _, out _))
            {
                cutOff.Add(closedEmpty.Label);
            }

            closedEmpty = null;
            if (ended)
            {
                // After the copyright notice: no fields, but a message may still follow, or a second reply,
                // which starts with its "Domain name:" (a free one is found by its "is free" line).
                if (WhoisLines.TryLabel(line.Content, out var after, out _) && WhoisLabels.KindOf(after) == LabelKind.Domain)
                {
                    domainsAfterEnd++;
                }

                messageLines.Add(line);
                continue;
            }

            if (open is not null && line.Indent > open.Indent)
            {
                open.Values.Add(line.Content);
                continue;
            }

            if (line.Content.Equals(Era2008Labels.CopyrightNotice, StringComparison.OrdinalIgnoreCase))
            {
                ended = true;
                open = null;
                continue;
            }

            if (WhoisLines.TryLabel(line.Content, out var label, out var inline))
            {
                open = new LabelledBlock(WhoisLabels.KindOf(label), label, line.Indent, inline, []);
                fields.Add(open);
                // A known label's value ("Registrar: Too Many Requests B.V.") is a fact, not a message.
                if (open.Kind == LabelKind.Other)
                {
                    messageLines.Add(line);
                }

                continue;
            }

            if (open is not null && open.Inline.Length == 0 && line.Indent == open.Indent)
            {
                open.Values.Add(line.Content);
                continue;
            }

            // An unlabelled line outside any block (a banner, a free line, a message): not part of a record.
            open = null;
            messageLines.Add(line);
        }

        return new BlockLayout(fields, messageLines, cutOff, domainsAfterEnd);
    }
}
