using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Landrush.Core.Whois;

/// <summary>Turns the bytes of a reply into text: RFC 3912 does not say which encoding a server uses.</summary>
public static class WhoisText
{
    /// <summary>
    /// Decodes valid UTF-8 sequences as UTF-8 and every byte that is not part of one as its Latin-1
    /// character, so a reply that mixes both (a UTF-8 record with one Latin-1 name) reads right in both
    /// places and nothing is lost. The raw bytes stay the evidence; this is only their reading.
    /// </summary>
    /// <param name="bytes">The reply as received.</param>
    /// <param name="encodingName"><c>utf-8</c> (no invalid byte), <c>latin-1</c> (invalid bytes and no
    /// multi-byte UTF-8 sequence) or <c>utf-8+latin-1</c> (both).</param>
    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        if (Utf8.IsValid(bytes))
        {
            encodingName = "utf-8";
            return Encoding.UTF8.GetString(bytes);
        }

        var sb = new StringBuilder(bytes.Length);
        var sawMultiByte = false;
        Span<char> utf16 = stackalloc char[2];
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed) == OperationStatus.Done)
            {
                sb.Append(utf16[..rune.EncodeToUtf16(utf16)]);
                sawMultiByte |= consumed > 1;
                i += consumed;
            }
            else
            {
                // One invalid byte at a time: the next one may start a valid sequence.
                sb.Append((char)bytes[i]);
                i++;
            }
        }

        encodingName = sawMultiByte ? "utf-8+latin-1" : "latin-1";
        return sb.ToString();
    }

    /// <inheritdoc cref="Decode(ReadOnlySpan{byte}, out string)"/>
    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);
}
