using System.Globalization;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois.Eras;

namespace Landrush.Core.Whois;

/// <summary>
/// The reply-level questions of the WHOIS reader, asked before and apart from reading a record: is this a
/// throttle, a daily limit, a busy server or the server's refusal; is it more than one reply; is the name
/// free; is a record complete. Conservative: any doubt makes the reply not a fact.
/// </summary>
/// <remarks>
/// Any line of its own at the level of the record's labels or above (not a value inside a labelled
/// block; any line at all when there is no <c>Domain name:</c>) carrying a limit, throttle, busy or error
/// message makes the whole reply that class, whatever else it holds, because such a reply says nothing
/// about the domain. The exact SIDN texts come from <see cref="SidnMessages"/>; the other phrases are
/// those of other servers and of SIDN's older wordings. Phrases are several words, so that no domain
/// name (which has no spaces) can contain one.
/// </remarks>
internal static class ReplyClassifier
{
    private static readonly string[] DailyLimitPhrases =
        [SidnMessages.DailyLimitExceeded, "whois-limit exceeded", "daily whois-limit", "daily limit", "daily whois limit", "limit exceeded for client"];

    private static readonly string[] ThrottlePhrases =
        [SidnMessages.PerSecondAllowed, "request per second", "requests per second", "too many requests", "rate limit exceeded", "query rate"];

    private static readonly string[] UnavailablePhrases =
        [SidnMessages.ServerTooBusy, "too busy", "service unavailable", "temporarily unavailable", "service is unavailable", "access denied", "connection refused", "not authorised", "not authorized"];

    /// <summary>The message of a record cut before its closing line.</summary>
    public const string IncompleteMessage = "reply incomplete: no 'Record maintained by' line";

    /// <summary>Every phrase that marks a limit, throttle or unavailable message.</summary>
    public static IEnumerable<string> LimitPhrases => [.. DailyLimitPhrases, .. ThrottlePhrases, .. UnavailablePhrases, SidnMessages.TryAgainLater];

    /// <summary>
    /// The reply's class when it is decided at reply level (a limit, a refusal, more than one reply, a free
    /// name); null when the reply is a record for <see cref="WhoisRecordReader"/> to read.
    /// </summary>
    public static WhoisReply? Classify(List<WhoisLine> lines, BlockLayout blocks)
    {
        if (Limit(MessageCandidates(lines, blocks)) is { } limit)
        {
            return limit;
        }

        var free = FreeLines(lines);
        if (free.Count > 1 || blocks.DomainsAfterEnd > 0 || (blocks.Fields.Count(f => f.Kind == LabelKind.Domain) > 1 && SameDomainTwice(blocks)))
        {
            return new WhoisReply(ReplyClass.Unparseable, Message: "more than one reply in one input: read each on its own");
        }

        if (free.Count == 1)
        {
            return blocks.HasDomain
                ? new WhoisReply(ReplyClass.Unparseable, Message: "reply says both 'is free' and shows a record")
                : new WhoisReply(ReplyClass.Free, WhoisEras.OfFreeReply(lines), free[0]);
        }

        return null;
    }

    /// <summary>
    /// Why a record that read as a fact is not one, or null when it is complete: every complete record of
    /// every era ends with <c>Record maintained by:</c> (without it the reply was cut and may lack registrar,
    /// contacts or name servers), and no block may have lost its values to a stray blank line.
    /// </summary>
    public static string? Incomplete(WhoisRecord record, BlockLayout blocks)
    {
        if (record.MaintainedBy is null)
        {
            return IncompleteMessage;
        }

        return blocks.CutOff.Count > 0
            ? $"reply incomplete: the values of '{blocks.CutOff[0]}' are cut off from it by a blank line"
            : null;
    }

    // Two "Domain name:" labels naming one domain: the same reply saved twice (two names are the record
    // reader's "more than one domain name").
    private static bool SameDomainTwice(BlockLayout blocks) =>
        blocks.Fields.Where(f => f.Kind == LabelKind.Domain)
            .Select(f => DomainName.TryParse(f.FirstValue, out var d) ? d.ToString() : f.FirstValue)
            .Distinct(StringComparer.Ordinal).Count() == 1;

    /// <summary>The lines that may carry a limit message.</summary>
    /// <remarks>
    /// Without a <c>Domain name:</c> there is no record to protect, so every line counts: a message alone,
    /// sent indented (a space, a tab, the 2008 three spaces), must still make a harvester wait. With a
    /// record, a line counts when it stands of its own at or above the depth of the record's labels (three
    /// spaces in 2008, none later); a value inside a block, or a stray line deeper than the labels, is a
    /// party's name or address, so a registrant called "Try Again Later B.V." stays a record.
    /// </remarks>
    private static IEnumerable<string> MessageCandidates(List<WhoisLine> lines, BlockLayout blocks)
    {
        if (!blocks.HasDomain)
        {
            return lines.Where(l => !l.IsBlank).Select(l => l.Content);
        }

        // Only known labels fix the record's depth: an unknown one may be a message or a stray value.
        var labelIndent = blocks.Fields.Where(f => f.Kind != LabelKind.Other).Min(f => f.Indent);
        return blocks.MessageLines.Where(l => l.Indent <= labelIndent).Select(l => l.Content);
    }

    private static WhoisReply? Limit(IEnumerable<string> messageLines)
    {
        WhoisReply? found = null;
        foreach (var line in messageLines)
        {
            var candidate = LimitLine(line);
            // Strongest wins: a daily limit outranks a per-second throttle, which outranks "busy".
            if (candidate is not null && (found is null || Rank(candidate.Class) > Rank(found.Class)))
            {
                found = candidate;
            }
        }

        return found;

        static int Rank(ReplyClass c) => c switch
        {
            ReplyClass.DailyLimit => 3,
            ReplyClass.Throttled => 2,
            _ => 1,
        };
    }

    private static WhoisReply? LimitLine(string content)
    {
        if (ContainsAny(content, DailyLimitPhrases))
        {
            return new WhoisReply(ReplyClass.DailyLimit, Message: content);
        }

        if (ContainsAny(content, ThrottlePhrases))
        {
            return new WhoisReply(ReplyClass.Throttled, RetryAfter: PerSecondWait(content), Message: content);
        }

        if (ContainsAny(content, UnavailablePhrases))
        {
            return new WhoisReply(ReplyClass.Unavailable, Message: content);
        }

        // "Error: invalid domain name": the server refuses the query; nothing is said about any domain.
        if (content.StartsWith(SidnMessages.ErrorPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return new WhoisReply(ReplyClass.Unavailable, Message: $"the server refused the query: {content}");
        }

        // "try again later" alone is a rate limit without a stated wait.
        return content.Contains(SidnMessages.TryAgainLater, StringComparison.OrdinalIgnoreCase)
            ? new WhoisReply(ReplyClass.Throttled, Message: content)
            : null;
    }

    private static bool ContainsAny(string content, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (content.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "only N request(s) per second allowed" → 1/N s; without a number, 1 s.
    private static TimeSpan? PerSecondWait(string content)
    {
        var at = content.IndexOf("per second", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var words = content[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0 && i >= words.Length - 3; i--)
        {
            if (int.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return TimeSpan.FromSeconds(1.0 / n);
            }
        }

        return TimeSpan.FromSeconds(1);
    }

    // "x.nl is free" lines, each name as DomainName writes it.
    private static List<string> FreeLines(List<WhoisLine> lines)
    {
        var free = new List<string>();
        foreach (var line in lines)
        {
            var c = line.Content;
            if (c.EndsWith(Era2008Labels.FreeSuffix, StringComparison.OrdinalIgnoreCase)
                && DomainName.TryParse(c[..^Era2008Labels.FreeSuffix.Length], out var name))
            {
                free.Add(name.ToString());
            }
        }

        return free;
    }
}
