using System.Buffers.Binary;
using System.Text;

namespace Landrush.Harvest.Tests.Dns;

/// <summary>Builds DNS replies by hand for tests (RFC 1035 §4.1), with compression pointers where asked.</summary>
internal static class DnsPackets
{
    /// <summary>Reads the id and the question's name (as sent) from a query.</summary>
    public static (ushort Id, string Name, int QuestionEnd) ReadQuery(ReadOnlySpan<byte> query)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(query);
        var pos = 12;
        var labels = new List<string>();
        while (query[pos] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(query.Slice(pos + 1, query[pos])));
            pos += query[pos] + 1;
        }

        return (id, string.Join('.', labels), pos + 1 + 4);
    }

    public static byte[] Name(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>
    /// A reply to <paramref name="query"/>: its question echoed (optionally as <paramref name="echoName"/>),
    /// then the <paramref name="answer"/> and <paramref name="authority"/>
    /// records. Owners given as null point at the question's name (compressed).
    /// </summary>
    public static byte[] Reply(
        ReadOnlySpan<byte> query, int rcode, bool truncated = false, string? echoName = null,
        IReadOnlyList<(string? Owner, ushort Type)>? answer = null, IReadOnlyList<(string? Owner, ushort Type)>? authority = null)
    {
        var (id, name, end) = ReadQuery(query);
        var packet = new List<byte>();
        void U16(int v)
        {
            packet.Add((byte)(v >> 8));
            packet.Add((byte)v);
        }

        answer ??= [];
        authority ??= [];
        U16(id);
        U16(0x8400 | (truncated ? 0x0200 : 0) | rcode);
        U16(1);
        U16(answer.Count);
        U16(authority.Count);
        U16(0);
        packet.AddRange(Name(echoName ?? name));
        U16(2);
        U16(1);
        foreach (var (owner, type) in answer.Concat(authority))
        {
            if (owner is null)
            {
                U16(0xC00C);
            }
            else
            {
                packet.AddRange(Name(owner));
            }

            U16(type);
            U16(1);
            U16(0);
            U16(3600);
            byte[] rdata = type == 2 ? Name("ns1.dns.example") : [.. Name("ns1.nic.example"), .. Name("h.nic.example"), .. new byte[20]];
            U16(rdata.Length);
            packet.AddRange(rdata);
        }

        _ = end;
        return [.. packet];
    }
}
