using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>The one capped read: keeps at most the cap, reads at most one byte more, says when it cut.</summary>
public class CappedBufferTests
{
    [Fact]
    public async Task An_endless_input_is_read_only_up_to_the_cap_and_one_byte()
    {
        // What "whois-parse - < /dev/zero" gives the reader: it must stop, having taken no more than it keeps
        // and the one byte that shows the input is longer. (Moved here from the CLI's own copy of this read.)
        var endless = new EndlessStream();

        var bytes = await CappedBuffer.ReadAsync(endless, 999, CancellationToken.None);

        Assert.Equal(999, bytes.Length);
        Assert.True(bytes.Truncated);
        Assert.Equal(1000, endless.Served);
    }

    [Theory]
    [InlineData(0, 10, false)]
    [InlineData(9, 10, false)]
    [InlineData(10, 10, false)]
    [InlineData(11, 10, true)]
    [InlineData(100_000, 10, true)]
    [InlineData(100_000, 40_000, true)]
    [InlineData(40_000, 40_000, false)]
    public async Task Exactly_the_cap_is_whole_and_one_byte_more_is_cut(int size, int cap, bool cut)
    {
        var input = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();

        var bytes = await CappedBuffer.ReadAsync(new MemoryStream(input), cap, CancellationToken.None);

        Assert.Equal(cut, bytes.Truncated);
        Assert.Equal(input[..Math.Min(size, cap)], bytes.ToArray());
    }

    [Fact]
    public void The_default_cap_is_one_mebibyte()
    {
        Assert.Equal(1_048_576, CappedBuffer.DefaultReplyCap);
        Assert.Equal(CappedBuffer.DefaultReplyCap, new CappedBuffer().Cap);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CappedBuffer(0));
    }

    /// <summary>Zero bytes for ever, counting what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
