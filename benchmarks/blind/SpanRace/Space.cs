using System.Globalization;

namespace SpanRace;

/// <summary>
/// The name space digits:1-5 under .nl: every label of 1 to 5 digits, leading zeros included, in the space's
/// order (0 … 9, 00 … 99, …, 00000 … 99999). A label is handled as its index in that order.
/// </summary>
internal static class Space
{
    public const string Spec = "digits:1-5";
    public const string Tld = "nl";
    public const int MaxLength = 5;
    public const int Count = 111_110;

    private static readonly int[] s_pow10 = [1, 10, 100, 1_000, 10_000, 100_000];

    /// <summary>Every label, by index.</summary>
    public static readonly string[] Labels = BuildLabels();

    public static int Pow10(int k) => s_pow10[k];

    /// <summary>Index of the first label of a length: 0, 10, 110, 1110, 11110.</summary>
    public static int Offset(int length) => (s_pow10[length] - 10) / 9;

    /// <summary>The label of a length whose digits read as value, zero-padded to that length.</summary>
    public static int Padded(int length, int value) => Offset(length) + value;

    /// <summary>The label of a number written as a person types it, without leading zeros (7 → "7", 120 → "120").</summary>
    public static int Plain(int value) => Padded(DigitCount(value), value);

    public static int DigitCount(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : value < 10_000 ? 4 : 5;

    public static int LengthOf(int index) => Labels[index].Length;

    private static string[] BuildLabels()
    {
        var labels = new string[Count];
        int i = 0;
        for (int length = 1; length <= MaxLength; length++)
        {
            string format = "D" + length.ToString(CultureInfo.InvariantCulture);
            for (int value = 0; value < s_pow10[length]; value++)
            {
                labels[i++] = value.ToString(format, CultureInfo.InvariantCulture);
            }
        }
        return labels;
    }
}
