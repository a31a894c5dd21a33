using Landrush.Core.Enumeration;

namespace Landrush.Core.Dataset;

/// <summary>
/// The declaration on a dataset's first line: <c>#landrush-dataset v1 space=digits:1-5 tld=nl</c>, with an
/// optional <c>provenance=…</c> (one word, e.g. <c>synthetic-reconstruction:profile=nl-2008:seed=2008</c>).
/// It says which name space the rows belong to, so that a reader can refuse a name outside it, and lets a
/// lone copy of a file say where it came from.
/// </summary>
public sealed record RegistryDatasetHeader(NameSpace Space, string Tld, string? Provenance = null)
{
    public const string Magic = "#landrush-dataset";
    public const string Version = "v1";

    public string ToLine() => Provenance is null
        ? $"{Magic} {Version} space={Space.Spec} tld={Tld}"
        : $"{Magic} {Version} space={Space.Spec} tld={Tld} provenance={Provenance}";

    /// <summary>True when the file says it is synthetic (not registry data).</summary>
    public bool IsSynthetic => Provenance?.StartsWith("synthetic", StringComparison.Ordinal) ?? false;

    /// <summary>Parses the declaration line; <paramref name="file"/> is only for the error message.</summary>
    public static RegistryDatasetHeader Parse(string? line, string file)
    {
        var words = (line ?? string.Empty).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != Magic)
        {
            throw new UserInputException(
                $"{file}:1: not a Landrush dataset: the first line must be '{Magic} {Version} space=SPEC tld=TLD'");
        }

        if (words[1] != Version)
        {
            throw new UserInputException($"{file}:1: unsupported dataset version '{words[1]}' (this tool reads {Version})");
        }

        string? spec = null, tld = null, provenance = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Skip(2))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = eq < 0 ? (word, string.Empty) : (word[..eq], word[(eq + 1)..]);
            if (!keys.Add(key))
            {
                // Keeping the last (or the first) would silently read the file against a space it may not hold.
                throw new UserInputException($"{file}:1: '{key}' is declared twice in the dataset's first line");
            }

            switch (key)
            {
                case "space": spec = value; break;
                case "tld": tld = value; break;
                case "provenance" when value.Length > 0: provenance = value; break;
                default: throw new UserInputException($"{file}:1: unknown declaration '{word}' in the dataset's first line");
            }
        }

        if (spec is null || tld is null)
        {
            throw new UserInputException($"{file}:1: the dataset's first line must declare space=SPEC and tld=TLD");
        }

        try
        {
            var canonical = Enumeration.Tld.Parse(tld).Value;
            if (canonical != tld)
            {
                // Nothing is corrected silently (data/README.md): the writer writes the TLD as the name column does.
                throw new UserInputException($"tld '{tld}' is not written as the format says (lower case, no dot): write tld={canonical}");
            }

            return new RegistryDatasetHeader(NameSpace.Parse(spec), canonical, provenance);
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"{file}:1: {ex.Message}", ex);
        }
    }
}
