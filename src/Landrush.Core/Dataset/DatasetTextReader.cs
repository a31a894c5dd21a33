using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Landrush.Core.Dataset;

/// <summary>
/// The text of a dataset, read as a stream with two guards the format needs: a line may be at most
/// <see cref="MaxLineLength"/> characters (a dataset line is short, so <c>validate /dev/zero</c> stops at
/// once instead of filling memory), and bytes are decoded as strict UTF-8 here, line by line, so that an
/// invalid byte is reported on the line it is on (a decoding reader further down would only know the
/// CSV row it was parsing when its buffer ran out). Errors are <see cref="UserInputException"/>s naming
/// the file and line. It never closes what it reads: the caller opened it.
/// </summary>
internal sealed class DatasetTextReader : TextReader
{
    /// <summary>Longest line accepted, in characters: thirteen short fields, name servers included, fit many times over.</summary>
    public const int MaxLineLength = 65_536;

    private readonly Stream? _stream;
    private readonly TextReader? _inner;
    private readonly string _file;
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _chars = new char[1 << 16];
    private int _byteStart, _byteEnd, _charPos, _charEnd, _column;
    private char _last;
    private bool _eof;

    /// <summary>Decodes <paramref name="stream"/> as strict UTF-8.</summary>
    public DatasetTextReader(Stream stream, string file)
    {
        _stream = stream;
        _file = file;
    }

    /// <summary>Guards text already decoded (line length and numbering only).</summary>
    public DatasetTextReader(TextReader inner, string file)
    {
        _inner = inner;
        _file = file;
    }

    /// <summary>The line (1-based) of the next character to be read.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Bytes decoded so far (0 over a <see cref="TextReader"/>): for progress.</summary>
    public long BytesConsumed { get; private set; }

    public override int Peek() => _charPos < _charEnd || Fill() ? _chars[_charPos] : -1;

    public override int Read()
    {
        if (_charPos == _charEnd && !Fill())
        {
            return -1;
        }

        var c = _chars[_charPos];
        Count(_chars.AsSpan(_charPos, 1));
        _charPos++;
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_charPos == _charEnd && !Fill()))
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _charEnd - _charPos);
        var chunk = _chars.AsSpan(_charPos, n);
        Count(chunk);
        chunk.CopyTo(buffer);
        _charPos += n;
        return n;
    }

    private void Count(ReadOnlySpan<char> chunk)
    {
        if (!chunk.IsEmpty)
        {
            _last = chunk[^1];
        }

        while (!chunk.IsEmpty)
        {
            var nl = chunk.IndexOf('\n');
            var run = nl < 0 ? chunk.Length : nl;
            if (_column + run > MaxLineLength)
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{_file}:{Line}: line longer than {MaxLineLength:N0} characters: a dataset line is short (is this a Landrush dataset?)"));
            }

            if (nl < 0)
            {
                _column += run;
                return;
            }

            Line++;
            _column = 0;
            chunk = chunk[(nl + 1)..];
        }
    }

    private bool Fill()
    {
        _charPos = _charEnd = 0;
        if (_inner is not null)
        {
            _charEnd = _inner.Read(_chars);
            return _charEnd > 0 || Ended();
        }

        while (true)
        {
            if (_byteStart == _byteEnd && !_eof)
            {
                ReadBytes();
            }

            var status = Utf8.ToUtf16(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), _chars, out var read, out var written,
                replaceInvalidSequences: false, isFinalBlock: _eof);
            _byteStart += read;
            BytesConsumed += read;
            _charEnd = written;
            if (written > 0)
            {
                // Chars before a bad byte are handed out first, so the line count is exact when it is reported.
                return true;
            }

            switch (status)
            {
                case OperationStatus.Done when _eof:
                    return Ended();
                case OperationStatus.InvalidData:
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{_file}:{Line}: not valid UTF-8"));
                default:
                    // An incomplete sequence at the end of the buffer, or an empty buffer: read on.
                    ReadBytes();
                    break;
            }
        }
    }

    // At the end of the text. A dataset's every line ends with a newline, the last too: a file that stops inside a line
    // was cut short (a full disk, a copy stopped), and a cut in its last field (a raw_ref's id) would still parse.
    private bool Ended()
    {
        if (_column > 0)
        {
            // A carriage return at the very end: lines ended by CR alone (old Mac text), which the format does not allow.
            throw new UserInputException(_last == '\r'
                ? string.Create(CultureInfo.InvariantCulture, $"{_file}:{Line}: lines end with a carriage return alone: a dataset's lines end with LF or CRLF")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{_file}:{Line}: the file ends inside a line (no newline after its last line): it may have been cut short; a whole dataset ends with a newline"));
        }

        return false;
    }

    private void ReadBytes()
    {
        var left = _byteEnd - _byteStart;
        Buffer.BlockCopy(_bytes, _byteStart, _bytes, 0, left);
        _byteStart = 0;
        _byteEnd = left;
        var n = _stream!.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
        if (n == 0)
        {
            _eof = true;
        }
        else
        {
            _byteEnd += n;
        }
    }
}
