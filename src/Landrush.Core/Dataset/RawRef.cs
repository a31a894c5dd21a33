using System.Globalization;

namespace Landrush.Core.Dataset;

/// <summary>
/// A reference to a raw reply a harvest store kept as evidence: <c>raw/NAME/ID</c>, the <c>raw_ref</c> of an
/// exported row, resolved by <c>landrush raw</c>. Read and written only here, so every store, the export and
/// the command agree on one text form.
/// </summary>
/// <param name="Name">The name the reply is about (a TLD for a registry notice).</param>
/// <param name="Id">The store's id of the reply.</param>
public readonly record struct RawRef(string Name, long Id)
{
    private const string Prefix = "raw/";

    /// <summary>
    /// Reads <c>raw/NAME/ID</c> written exactly as <see cref="ToString"/> writes it (the id in plain digits, no
    /// sign, no leading zero); false for anything else, such as a reconstruction's file name.
    /// </summary>
    public static bool TryParse(string? text, out RawRef rawRef)
    {
        rawRef = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = text.LastIndexOf('/');
        var digits = text.AsSpan(slash + 1);
        if (slash <= Prefix.Length || (digits.Length > 1 && digits[0] == '0')
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        rawRef = new RawRef(text[Prefix.Length..slash], id);
        return true;
    }

    /// <summary>The reply id of a <c>raw_ref</c>, or null when it is not a store's reference.</summary>
    public static long? IdOf(string? text) => TryParse(text, out var r) ? r.Id : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Name}/{Id}");
}
