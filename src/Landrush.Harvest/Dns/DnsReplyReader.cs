using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Landrush.Harvest.Dns;

/// <summary>
/// Reads what the sweep needs from a DNS reply (RFC 1035 §4.1) without allocating: header flags, rcode,
/// the echoed question, and the NS records owned by the name asked, following compression pointers
/// (§4.1.4) when comparing owner names. Every read is bounds-checked; a bad packet is
/// <see cref="DnsReadStatus.Malformed"/>, never an exception.
/// </summary>
internal static class DnsReplyReader
{
    private const int MaxPointerHops = 32;

    /// <summary>
    /// Reads <paramref name="reply"/> as the answer to <paramref name="question"/> (the query's question
    /// section: wire name, type, class; lower case).
    /// </summary>
    public static DnsReadStatus Read(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> question, out DnsReplyInfo info)
    {
        info = default;
        if (reply.Length < DnsQueryTable.HeaderLength)
        {
            return DnsReadStatus.Malformed;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(reply);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(reply[2..]);
        var qd = BinaryPrimitives.ReadUInt16BigEndian(reply[4..]);
        var an = BinaryPrimitives.ReadUInt16BigEndian(reply[6..]);
        var ns = BinaryPrimitives.ReadUInt16BigEndian(reply[8..]);
        // QR must say response; opcode must be QUERY (0).
        if ((flags & 0x8000) == 0 || ((flags >> 11) & 0xF) != 0)
        {
            return DnsReadStatus.Malformed;
        }

        var truncated = (flags & 0x0200) != 0;
        var rcode = flags & 0xF;
        if (qd != 1)
        {
            // A reply that does not echo exactly our one question cannot be matched to it.
            return DnsReadStatus.QuestionMismatch;
        }

        var qname = question[..^4];
        var pos = DnsQueryTable.HeaderLength;
        var match = NameEquals(reply, pos, qname, out var end);
        if (match < 0)
        {
            return DnsReadStatus.Malformed;
        }

        if (end + 4 > reply.Length)
        {
            return DnsReadStatus.Malformed;
        }

        if (match == 0 || !reply.Slice(end, 4).SequenceEqual(question[^4..]))
        {
            return DnsReadStatus.QuestionMismatch;
        }

        pos = end + 4;
        if (truncated)
        {
            // The records may be cut anywhere: only the header is trusted; the name goes to TCP.
            info = new DnsReplyInfo(id, true, rcode, 0, 0);
            return DnsReadStatus.Ok;
        }

        if (!CountNs(reply, ref pos, an, qname, out var answerNs) || !CountNs(reply, ref pos, ns, qname, out var authorityNs))
        {
            return DnsReadStatus.Malformed;
        }

        info = new DnsReplyInfo(id, false, rcode, answerNs, authorityNs);
        return DnsReadStatus.Ok;
    }

    // Walks `count` resource records from `pos`, counting type NS (class IN) owned by `qname`.
    private static bool CountNs(ReadOnlySpan<byte> reply, ref int pos, int count, ReadOnlySpan<byte> qname, out int found)
    {
        found = 0;
        for (var r = 0; r < count; r++)
        {
            var match = NameEquals(reply, pos, qname, out var end);
            if (match < 0 || end + 10 > reply.Length)
            {
                return false;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(reply[end..]);
            var cls = BinaryPrimitives.ReadUInt16BigEndian(reply[(end + 2)..]);
            var rdLength = BinaryPrimitives.ReadUInt16BigEndian(reply[(end + 8)..]);
            pos = end + 10 + rdLength;
            if (pos > reply.Length)
            {
                return false;
            }

            if (match == 1 && type == DnsQueryTable.TypeNs && cls == DnsQueryTable.ClassIn)
            {
                found++;
            }
        }

        return true;
    }

    /// <summary>
    /// Compares the (possibly compressed) name at <paramref name="offset"/> with <paramref name="wire"/>
    /// (uncompressed, lower case), ignoring ASCII case. Returns 1 equal, 0 different, −1 malformed;
    /// <paramref name="end"/> is where the name ends in place (after its first pointer or its root byte).
    /// </summary>
    internal static int NameEquals(ReadOnlySpan<byte> reply, int offset, ReadOnlySpan<byte> wire, out int end)
    {
        end = -1;
        var pos = offset;
        var w = 0;
        var equal = true;
        var hops = 0;
        while (true)
        {
            if (pos >= reply.Length)
            {
                return -1;
            }

            int len = reply[pos];
            if ((len & 0xC0) == 0xC0)
            {
                if (pos + 1 >= reply.Length || ++hops > MaxPointerHops)
                {
                    return -1;
                }

                var target = ((len & 0x3F) << 8) | reply[pos + 1];
                if (end < 0)
                {
                    end = pos + 2;
                }

                // Pointers go backwards only: a forward or self pointer could loop.
                if (target >= pos)
                {
                    return -1;
                }

                pos = target;
                continue;
            }

            if ((len & 0xC0) != 0)
            {
                return -1; // 0x40 and 0x80 label types are obsolete (RFC 6891 §5).
            }

            if (pos + 1 + len > reply.Length)
            {
                return -1;
            }

            if (equal)
            {
                equal = w + len < wire.Length && wire[w] == len && LabelEquals(reply.Slice(pos + 1, len), wire.Slice(w + 1, len));
                w += len + 1;
            }

            if (len == 0)
            {
                if (end < 0)
                {
                    end = pos + 1;
                }

                return equal && w == wire.Length ? 1 : 0;
            }

            pos += len + 1;
        }
    }

    /// <summary>
    /// Whether a label of the reply equals <paramref name="wire"/> (lower case), ignoring ASCII case. Inlined: it is the
    /// inner loop of <see cref="NameEquals"/>, on the DNS sweep's path for every reply.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LabelEquals(ReadOnlySpan<byte> label, ReadOnlySpan<byte> wire)
    {
        for (var k = 0; k < label.Length; k++)
        {
            var b = label[k];
            if (b is >= (byte)'A' and <= (byte)'Z')
            {
                b |= 0x20;
            }

            if (b != wire[k])
            {
                return false;
            }
        }

        return true;
    }
}
