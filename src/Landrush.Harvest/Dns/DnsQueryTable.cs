using System.Buffers.Binary;

namespace Landrush.Harvest.Dns;

/// <summary>
/// Every name's NS query (RFC 1035 §4.1), encoded once into one array so that the sweep's hot loop only
/// patches the 16-bit id before sending. Query <c>i</c> is <c>Data[Offsets[i]..Offsets[i + 1]]</c>: a
/// 12-byte header (id 0, no flags, one question) then the question (name, type NS, class IN).
/// </summary>
internal sealed class DnsQueryTable
{
    /// <summary>QTYPE NS (RFC 1035 §3.2.2).</summary>
    public const ushort TypeNs = 2;

    /// <summary>QCLASS IN (RFC 1035 §3.2.4).</summary>
    public const ushort ClassIn = 1;

    public const int HeaderLength = 12;

    private DnsQueryTable(byte[] data, int[] offsets)
    {
        Data = data;
        Offsets = offsets;
    }

    public byte[] Data { get; }

    public int[] Offsets { get; }

    public int Count => Offsets.Length - 1;

    /// <summary>The whole query of name <paramref name="i"/>.</summary>
    public Span<byte> Query(int i) => Data.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>The question section of name <paramref name="i"/> (wire name, type, class): what a reply must echo.</summary>
    public ReadOnlySpan<byte> Question(int i) => Data.AsSpan(Offsets[i] + HeaderLength, Offsets[i + 1] - Offsets[i] - HeaderLength);

    /// <summary>Encodes an NS query for each name (LDH labels, lower case, no trailing dot).</summary>
    public static DnsQueryTable Build(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var offsets = new int[names.Count + 1];
        var size = 0;
        for (var i = 0; i < names.Count; i++)
        {
            offsets[i] = size;
            // Each label costs its length plus one length byte: the name's length plus two (first byte, root).
            size += HeaderLength + names[i].Length + 2 + 4;
        }

        offsets[names.Count] = size;
        var data = new byte[size];
        for (var i = 0; i < names.Count; i++)
        {
            Encode(names[i], data.AsSpan(offsets[i], offsets[i + 1] - offsets[i]));
        }

        return new DnsQueryTable(data, offsets);
    }

    /// <summary>Writes one query into <paramref name="destination"/>, which must be exactly its size.</summary>
    public static void Encode(string name, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(name);
        destination.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], 1); // QDCOUNT
        // Label by label without splitting: one length byte, then the label's characters.
        var p = HeaderLength;
        var start = 0;
        while (start <= name.Length)
        {
            var dot = name.IndexOf('.', start);
            var end = dot < 0 ? name.Length : dot;
            var length = end - start;
            if (length is 0 or > 63)
            {
                throw new ArgumentException($"bad label in '{name}'", nameof(name));
            }

            destination[p++] = (byte)length;
            for (var k = start; k < end; k++)
            {
                var c = name[k];
                destination[p++] = c < 128 ? (byte)char.ToLowerInvariant(c) : throw new ArgumentException($"'{name}' is not ASCII", nameof(name));
            }

            start = end + 1;
        }

        destination[p++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[p..], TypeNs);
        BinaryPrimitives.WriteUInt16BigEndian(destination[(p + 2)..], ClassIn);
    }
}
