using System.Globalization;

namespace Crowds;

/// <summary>
/// The name space digits:1-5 in its own order: all 1-digit labels, then all 2-digit ones, …, each length in
/// numeric order with leading zeros (0, …, 9, 00, …, 99, …, 99999). A label is handled as its index here, so
/// that the race can mark names in a flat array.
/// </summary>
internal static class Space
{
    public const string Spec = "digits:1-5";
    public const string Tld = "nl";
    public const int MaxLength = 5;

    // Offsets[len] = index of the first label of that length; Offsets[6] = the size of the space.
    private static readonly int[] Offsets = [0, 0, 10, 110, 1110, 11110, 111110];

    public static int Count => Offsets[MaxLength + 1];

    /// <summary>The label of `value` written with exactly `length` digits (leading zeros added).</summary>
    public static int Index(int value, int length) => Offsets[length] + value;

    /// <summary>The label of `value` written plainly, without leading zeros (0 is "0").</summary>
    public static int Plain(int value) => Index(value, Digits(value));

    public static int Digits(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : 5;

    public static int LengthOf(int index)
    {
        int len = 1;
        while (index >= Offsets[len + 1])
        {
            len++;
        }

        return len;
    }

    public static int ValueOf(int index) => index - Offsets[LengthOf(index)];

    // Every label once, built on first use: the catalogue, the lists and the dataset all ask for labels often.
    private static readonly string[] Labels = [.. Enumerable.Range(0, Count).Select(MakeLabel)];

    public static string Label(int index) => Labels[index];

    private static string MakeLabel(int index)
    {
        int len = LengthOf(index);
        return (index - Offsets[len]).ToString("D" + len.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a bare label (digits only, 1–5 of them) to its index.</summary>
    public static int Parse(string label) => Index(int.Parse(label, CultureInfo.InvariantCulture), label.Length);
}
