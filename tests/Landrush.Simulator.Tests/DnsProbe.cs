using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ARSoft.Tools.Net.Dns;

namespace Landrush.Simulator.Tests;

/// <summary>A minimal UDP DNS client for the tests: queries built by hand (RFC 1035 §4), replies read by ARSoft.</summary>
internal static class DnsProbe
{
    public static byte[] Query(ushort id, string name, RecordType type, ushort? ednsSize = null)
    {
        var q = new List<byte>();
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        header[5] = 1; // QDCOUNT
        header[11] = (byte)(ednsSize is null ? 0 : 1); // ARCOUNT
        q.AddRange(header);
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            q.Add((byte)label.Length);
            q.AddRange(Encoding.ASCII.GetBytes(label));
        }

        q.Add(0);
        q.AddRange([(byte)((int)type >> 8), (byte)type, 0, 1]);
        if (ednsSize is { } size)
        {
            q.AddRange([0, 0, 41, (byte)(size >> 8), (byte)size, 0, 0, 0, 0, 0, 0]);
        }

        return [.. q];
    }

    /// <summary>Sends one query over UDP; null when no answer came within the timeout.</summary>
    public static async Task<DnsMessage?> AskAsync(IPEndPoint server, string name, RecordType type, ushort? ednsSize = null, TimeSpan? timeout = null)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var id = (ushort)Random.Shared.Next(65536);
        await socket.SendToAsync(Query(id, name, type, ednsSize), SocketFlags.None, server);
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        try
        {
            var r = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            var message = DnsMessage.Parse(buffer[..r.ReceivedBytes]);
            Assert.Equal(id, message.TransactionID);
            return message;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
