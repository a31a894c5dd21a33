using System.Globalization;
using System.Text;

namespace Landrush.Core;

/// <summary>Makes text from outside (a server's reply, a user's argument) safe to print on a terminal.</summary>
public static class Printable
{
    /// <summary>
    /// Replaces every control character except tab (C0, DEL and C1, e.g. ESC) with <c>\xNN</c>, so that an
    /// escape sequence sent by a server cannot reach the terminal. Other characters, backslash included,
    /// are kept as they are: this is for people to read; the exact text is in the raw reply or the JSON.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsEscaped))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsEscaped(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsEscaped(char c) => char.IsControl(c) && c != '\t';
}
