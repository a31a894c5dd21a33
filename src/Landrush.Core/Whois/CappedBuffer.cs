using System.Buffers;

namespace Landrush.Core.Whois;

/// <summary>
/// The one size-capped read of a registry reply, used alike by the WHOIS client, the RDAP client and
/// <c>whois-parse</c>: bytes are kept up to <see cref="Cap"/>, at most one byte more is ever read (to
/// tell a reply of exactly the cap from a longer one), and nothing beyond is buffered.
/// </summary>
/// <remarks>Reads a <see cref="Stream"/> or any read function the caller supplies (the WHOIS client
/// wraps each socket read in its own silence timer); opens nothing itself.</remarks>
public sealed class CappedBuffer
{
    /// <summary>The default cap on one reply: 1 MiB (1,048,576 bytes). A real .nl reply is about 2 KB.</summary>
    public const int DefaultReplyCap = 1 << 20;

    private const int ChunkSize = 16 * 1024;
    private readonly ArrayBufferWriter<byte> _kept = new();

    /// <param name="cap">Most bytes kept; must be positive.</param>
    public CappedBuffer(int cap = DefaultReplyCap)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap);
        Cap = cap;
    }

    /// <summary>Most bytes kept.</summary>
    public int Cap { get; }

    /// <summary>Bytes kept so far (at most <see cref="Cap"/>).</summary>
    public int Length => _kept.WrittenCount;

    /// <summary>True once more than <see cref="Cap"/> bytes arrived: the reply was cut and must not be read.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The bytes kept (a copy).</summary>
    public byte[] ToArray() => _kept.WrittenSpan.ToArray();

    /// <summary>Reads <paramref name="input"/> to its end or to the cap, whichever comes first.</summary>
    public static async Task<CappedBuffer> ReadAsync(Stream input, int cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new CappedBuffer(cap);
        await buffer.FillAsync(input.ReadAsync, cancellationToken);
        return buffer;
    }

    /// <summary>
    /// Calls <paramref name="read"/> until it returns 0 (the end) or more than <see cref="Cap"/> bytes have
    /// arrived. Each call asks for at most the room left plus one byte. What arrived before an exception
    /// stays in the buffer, as evidence.
    /// </summary>
    public async Task FillAsync(Func<Memory<byte>, CancellationToken, ValueTask<int>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (!Truncated)
            {
                var want = (int)Math.Min(ChunkSize, (long)Cap + 1 - Length);
                var n = await read(chunk.AsMemory(0, want), cancellationToken);
                if (n == 0)
                {
                    return;
                }

                var room = Cap - Length;
                Truncated = n > room;
                _kept.Write(chunk.AsSpan(0, Math.Min(n, room)));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
