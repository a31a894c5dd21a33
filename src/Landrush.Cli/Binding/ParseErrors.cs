using System.CommandLine;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Binding;

/// <summary>The command-line library's parse errors said in the user's words: no .NET type names.</summary>
internal static partial class ParseErrors
{
    /// <summary>The one line a command line the parser refused gets (exit 2), with the command whose help says more.</summary>
    public static string Line(ParseResult parsed, Command root)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var atRoot = parsed.CommandResult.Command == root;
        var command = atRoot ? "landrush" : $"landrush {parsed.CommandResult.Command.Name}";
        var message = First([.. parsed.Errors.Select(e => e.Message)], atRoot);
        return $"landrush: error: {LandrushCli.OneLine(message)} (see '{command} --help')";
    }

    /// <summary>
    /// The error to show of those the parser found: an unknown command or argument before the "required command was
    /// not provided" it also causes (<c>landrush nosuch</c> is a typo, not a missing command).
    /// </summary>
    public static string First(IReadOnlyList<string> messages, bool atRoot)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var unknown = messages.Select(m => Unrecognized().Match(m)).FirstOrDefault(m => m.Success);
        if (unknown is not null)
        {
            return atRoot ? $"unknown command '{unknown.Groups["token"].Value}'" : $"unknown argument '{unknown.Groups["token"].Value}'";
        }

        return InUserWords(messages[0]);
    }

    public static string InUserWords(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            return "no command given";
        }

        var m = CannotParse().Match(message);
        if (!m.Success)
        {
            return message;
        }

        // An optional value (int?) names its type as System.Nullable`1[[System.Int32, …]]: the inner type is what was wanted.
        var type = Nullable().Match(m.Groups["type"].Value) is { Success: true } inner ? inner.Groups["inner"].Value : m.Groups["type"].Value;
        var want = type switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.UInt64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:00:05",
            _ => "a valid value",
        };
        var value = m.Groups["value"].Value;

        // A whole number too large for its type is a number all the same: say it is out of range, not malformed.
        return want == "a whole number" && WholeNumber().IsMatch(value)
            ? $"{m.Groups["what"].Value} '{m.Groups["name"].Value}': '{value}' is out of range"
            : $"{m.Groups["what"].Value} '{m.Groups["name"].Value}': '{value}' is not {want}";
    }

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex Nullable();

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<what>option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
