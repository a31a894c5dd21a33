namespace Landrush.Core.Whois;

/// <summary>
/// Reads a .nl WHOIS reply of any era (2008–2009 indented, 2010s flat, current) into a
/// <see cref="WhoisReply"/>. Pure and linear in the reply's length: no regular expressions. Line endings
/// may be CRLF, LF or CR in any mix (CR CR LF counts as one).
/// </summary>
/// <remarks>
/// The reader is in parts: <see cref="WhoisLines"/> splits and tokenises, <see cref="BlockReader"/>
/// groups labelled blocks, <see cref="ReplyClassifier"/> answers the reply-level questions first (limit,
/// throttle, busy, refusal, more than one reply, free), <see cref="WhoisRecordReader"/> reads the record,
/// and <see cref="WhoisEras"/> names its era. The labels of each era live in <see cref="Eras"/>.
/// Classification is conservative: a record is only a fact when it shows a valid domain, a status the
/// reader knows and the <c>Record maintained by:</c> line that ends every complete record, with no block
/// cut off from its values; anything else is <see cref="ReplyClass.Unparseable"/> with the reason in
/// <see cref="WhoisReply.Message"/>.
/// </remarks>
public static class WhoisParser
{
    /// <summary>Every phrase that marks a limit, throttle or unavailable message.</summary>
    internal static IEnumerable<string> LimitPhrases => ReplyClassifier.LimitPhrases;

    /// <summary>Classifies and reads one reply.</summary>
    public static WhoisReply Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = WhoisLines.Split(text);
        var blocks = BlockReader.Read(lines);
        return ReplyClassifier.Classify(lines, blocks) ?? WhoisRecordReader.Read(blocks);
    }
}
