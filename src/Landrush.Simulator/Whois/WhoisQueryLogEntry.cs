using System.Globalization;
using System.Net;
using System.Text;

namespace Landrush.Simulator.Whois;

/// <summary>
/// One WHOIS query as the server saw it. <see cref="ToLine"/> is the query log's line: UTC time, client
/// address, query, answer, tab-separated.
/// </summary>
/// <param name="Time">When the answer was decided (UTC).</param>
/// <param name="Client">The client's address.</param>
/// <param name="Query">The query line as received (decoded, line end removed).</param>
/// <param name="Answer">What was answered.</param>
public sealed record WhoisQueryLogEntry(DateTimeOffset Time, IPAddress Client, string Query, WhoisAnswer Answer)
{
    /// <summary>Longest query written to the log; longer ones are cut and end in <c>…</c>.</summary>
    public const int MaxLoggedQuery = 256;

    /// <summary>The answer's word in the log: <c>record</c>, <c>free</c>, <c>throttle</c>, <c>limit</c>, <c>busy</c>, <c>invalid</c>, <c>timeout</c> or a fault.</summary>
    public string AnswerWord => Answer.ToString().ToLowerInvariant();

    /// <summary>
    /// The log line (no line end). The query is made safe for a tab-separated line: a tab, control
    /// character or backslash is written <c>\xNN</c>.
    /// </summary>
    public string ToLine() => string.Join('\t',
        Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        Client.ToString(),
        Safe(Query),
        AnswerWord);

    private static string Safe(string query)
    {
        var q = query.Length > MaxLoggedQuery ? query[..MaxLoggedQuery] : query;
        var sb = new StringBuilder(q.Length + 8);
        foreach (var c in q)
        {
            if (char.IsControl(c) || c == '\\')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return query.Length > MaxLoggedQuery ? sb.Append('…').ToString() : sb.ToString();
    }
}
