using System.Text;

namespace Landrush.Core.Whois;

/// <summary>Turns the bytes of a reply into text: RFC 3912 does not say which encoding a server uses.</summary>
public static class WhoisText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes as UTF-8 when the bytes are valid UTF-8, otherwise as Latin-1 (which maps every byte to a
    /// character, so nothing is lost and the text can be turned back into the same bytes).
    /// </summary>
    /// <param name="bytes">The reply as received.</param>
    /// <param name="encodingName"><c>utf-8</c> or <c>latin-1</c>: which one was used.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            encodingName = "utf-8";
            return text;
        }
        catch (DecoderFallbackException)
        {
            encodingName = "latin-1";
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <inheritdoc cref="Decode(ReadOnlySpan{byte}, out string)"/>
    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);
}
