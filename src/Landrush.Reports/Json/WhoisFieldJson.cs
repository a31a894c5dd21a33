using Landrush.Core.Whois;

namespace Landrush.Reports.Json;

/// <summary>A labelled field of a record that the reader did not interpret.</summary>
/// <param name="Label">Its label.</param>
/// <param name="Values">Its values.</param>
public sealed record WhoisFieldJson(string Label, IReadOnlyList<string> Values)
{
    public static WhoisFieldJson From(WhoisField f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Label, f.Values);
    }
}
