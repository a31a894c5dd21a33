using System.Text.RegularExpressions;

namespace Landrush.Cli.Output;

/// <summary>The command-line library's parse errors said in the user's words: no .NET type names.</summary>
internal static partial class ParseErrors
{
    public static string InUserWords(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = CannotParse().Match(message);
        if (!m.Success)
        {
            return message;
        }

        var want = m.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.UInt64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:00:05",
            _ => "a valid value",
        };
        return $"{m.Groups["what"].Value} '{m.Groups["name"].Value}': '{m.Groups["value"].Value}' is not {want}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<what>option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
