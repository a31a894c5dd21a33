using Landrush.Analysis.Concentration;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;
using Landrush.Core.Whois;

namespace Landrush.Reports;

/// <summary>
/// The one place that names the analysis's enums in every output: <c>analyze</c>'s JSON, text and CSV tables, and the
/// report's Markdown, HTML and tables, and the words of <c>whois</c>'s replies. An enum's C# name (<c>ExcessCapacity</c>) is
/// never shown, so that the report and the JSON say the same word.
/// </summary>
public static class Words
{
    /// <summary>The verdict's status: <c>excess_capacity</c>, <c>no_excess_capacity</c>, <c>inconclusive</c>, <c>undefined</c>.</summary>
    public static string Status(VerdictStatus status) => status switch
    {
        VerdictStatus.ExcessCapacity => "excess_capacity",
        VerdictStatus.NoExcessCapacity => "no_excess_capacity",
        VerdictStatus.Inconclusive => "inconclusive",
        _ => "undefined",
    };

    /// <summary>
    /// The status in a headline (<c>verdict: excess capacity — …</c>): the same word as <see cref="Status"/>, spaced, so
    /// that the terminal, the JSON, the Markdown and the HTML name one status alike.
    /// </summary>
    public static string StatusPhrase(VerdictStatus status) => Status(status).Replace('_', ' ');

    /// <summary>The HHI band: <c>unconcentrated</c>, <c>moderately concentrated</c>, <c>highly concentrated</c>.</summary>
    public static string Band(HhiBand band) => band switch
    {
        HhiBand.HighlyConcentrated => "highly concentrated",
        HhiBand.ModeratelyConcentrated => "moderately concentrated",
        _ => "unconcentrated",
    };

    /// <summary>The dataset field a party merge rests on, named as its column: <c>admin_handle</c>, <c>registrant_name</c> or <c>name_servers</c>.</summary>
    public static string Field(PartyLinkKind kind) => kind switch
    {
        PartyLinkKind.AdminHandle => "admin_handle",
        PartyLinkKind.RegistrantName => "registrant_name",
        _ => "name_servers",
    };

    /// <summary>The party key, as <c>--party-key</c> takes it: <c>resolved</c>, <c>registrant</c>, <c>registrar</c>.</summary>
    public static string Key(PartyKey key) => key switch
    {
        PartyKey.Registrant => "registrant",
        PartyKey.Registrar => "registrar",
        _ => "resolved",
    };

    /// <summary>A null model's short word, a key in the JSON and a column in the text: <c>uniform</c>, <c>lottery</c>, <c>equal-capacity</c>.</summary>
    public static string Model(NullModelKind kind) => kind switch
    {
        NullModelKind.Uniform => "uniform",
        NullModelKind.Lottery => "lottery",
        _ => "equal-capacity",
    };

    /// <summary>A null model's name in prose (report figures, tables and indicators): <c>uniform lottery</c>, ….</summary>
    public static string ModelName(NullModelKind kind) => kind switch
    {
        NullModelKind.Uniform => "uniform lottery",
        NullModelKind.Lottery => "lottery over wish lists",
        NullModelKind.EqualCapacity => "equal-capacity FCFS",
        _ => kind.ToString(),
    };

    /// <summary>A WHOIS reply's class, as <c>whois</c> shows it: <c>registered</c>, <c>free</c>, <c>daily-limit</c>, ….</summary>
    public static string Reply(ReplyClass c) => c switch
    {
        ReplyClass.DailyLimit => "daily-limit",
        _ => c.ToString().ToLowerInvariant(),
    };

    /// <summary>A WHOIS reply's format era: <c>2008-indented</c>, <c>2010s-flat</c>, <c>current</c>, <c>rdap</c>, <c>unknown</c>.</summary>
    public static string Era(FormatEra e) => e switch
    {
        FormatEra.Indented2008 => "2008-indented",
        FormatEra.Flat2010s => "2010s-flat",
        _ => e.ToString().ToLowerInvariant(),
    };

    /// <summary>A record's domain status: <c>active</c>, <c>inactive</c>, <c>quarantine</c>, ….</summary>
    public static string DomainState(DomainStatus s) => s.ToString().ToLowerInvariant();
}
