using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;

namespace Landrush.Reports.Json;

/// <summary>
/// How every JSON object the tool prints is written: the records of this folder serialised with snake_case keys, indented
/// (or one a line, <see cref="Line"/>), and the analysis's enums written as the words of <see cref="Words"/> (the one place
/// that names them), so the JSON and the report say the same word.
/// </summary>
public static class JsonOutput
{
    /// <summary>The one set of serialiser options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    // JSON Lines (whois, whois-parse): the same options on one line; non-ASCII text is written as itself so that a
    // registrar's address stays readable (control characters are still escaped, so none reaches a terminal).
    private static readonly JsonSerializerOptions LineOptions = CreateLine();

    /// <summary>The value as indented JSON, without a trailing newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The value as one line of JSON Lines, without a trailing newline.</summary>
    public static string Line<T>(T value) => JsonSerializer.Serialize(value, LineOptions);

    /// <summary>A number JSON can hold: NaN and the infinities are written as null (JSON has no word for them).</summary>
    public static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            Converters =
            {
                new WordConverter<VerdictStatus>(Words.Status),
                new WordConverter<HhiBand>(Words.Band),
                new WordConverter<PartyKey>(Words.Key),
                new WordConverter<PartyLinkKind>(Words.Field),
                new WordConverter<NullModelKind>(Words.Model),
                // Any enum Words does not name (none today) still gets a word, never a number.
                new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateLine()
    {
        var options = new JsonSerializerOptions(Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly();
        return options;
    }
}
