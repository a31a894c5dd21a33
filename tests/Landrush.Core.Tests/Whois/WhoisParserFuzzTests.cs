using System.Diagnostics;
using System.Globalization;
using System.Text;
using Landrush.Core.Rdap;
using Landrush.Core.Whois;
using Xunit.Abstractions;

namespace Landrush.Core.Tests.Whois;

/// <summary>
/// Garbage in, a classification out: never an exception, never a throttle read as a fact, and time that
/// grows with the input's length only. Seeded; set <c>LANDRUSH_FUZZ_SEED</c> to replay another seed.
/// </summary>
/// <remarks>
/// The time bounds are deliberately loose (seconds where a linear reader needs milliseconds): they are
/// there to catch a quadratic or backtracking reader, not to measure speed.
/// </remarks>
public class WhoisParserFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20080229;
    private static readonly TimeSpan PerReplyBound = TimeSpan.FromSeconds(2);

    private static readonly string[] LimitFixtures = ["throttled-per-second.txt", "throttled-daily-limit.txt", "unavailable-busy.txt"];

    private int Seed()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LANDRUSH_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s
            : DefaultSeed;
        output.WriteLine($"fuzz seed {seed} (set LANDRUSH_FUZZ_SEED to change)");
        return seed;
    }

    private static List<(string Name, byte[] Bytes)> Sources()
    {
        var sources = Fixtures.Names(Fixtures.Folder).Select(n => (n, Fixtures.Bytes(n))).ToList();
        if (Fixtures.SharedFolder() is { } shared)
        {
            sources.AddRange(Fixtures.Names(shared).Select(n => ("shared/" + n, File.ReadAllBytes(Path.Combine(shared, n)))));
        }

        return sources;
    }

    private static WhoisReply Timed(string text, ref TimeSpan worst)
    {
        var sw = Stopwatch.StartNew();
        var reply = WhoisParser.Parse(text);
        sw.Stop();
        worst = sw.Elapsed > worst ? sw.Elapsed : worst;
        Assert.True(sw.Elapsed < PerReplyBound, $"one reply of {text.Length} chars took {sw.Elapsed}");
        return reply;
    }

    [Fact]
    public void Mutated_fixtures_never_throw_and_limit_replies_never_become_facts()
    {
        var rng = new Random(Seed());
        var sources = Sources();
        var worst = TimeSpan.Zero;
        var counts = new Dictionary<ReplyClass, int>();
        const int rounds = 3000;
        for (var i = 0; i < rounds; i++)
        {
            var (name, bytes) = sources[rng.Next(sources.Count)];
            var mutated = Mutate(rng, bytes, out var how);
            var text = WhoisText.Decode(mutated);
            var reply = Timed(text, ref worst);
            counts[reply.Class] = counts.GetValueOrDefault(reply.Class) + 1;

            if (LimitFixtures.Contains(name) || name.StartsWith("shared/throttled", StringComparison.Ordinal))
            {
                Assert.False(reply.IsFact, $"{name} mutated by {how} was read as {reply.Class}");
            }

            if (reply.IsFact && reply.Class != ReplyClass.Free)
            {
                Assert.NotNull(reply.Record);
            }

            // Whatever a reply was, adding a throttle line makes it a throttle.
            var withLimit = Timed(text + "\r\nwhois.domain-registry.nl: only 1 request per second allowed, try again later\n", ref worst);
            Assert.True(withLimit.Class is ReplyClass.Throttled or ReplyClass.DailyLimit, $"{name} + throttle line was {withLimit.Class}");
        }

        output.WriteLine($"{rounds} mutated replies, worst {worst.TotalMilliseconds:F2} ms; " +
            string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
    }

    [Fact]
    public void Every_prefix_of_a_record_cut_before_its_maintained_by_line_is_never_a_record()
    {
        var rng = new Random(Seed());
        var worst = TimeSpan.Zero;
        var prefixes = 0;
        var records = 0;
        foreach (var (name, bytes) in Sources().Where(s => s.Name.EndsWith(".txt", StringComparison.Ordinal)))
        {
            if (!IsRecord(WhoisParser.Parse(WhoisText.Decode(bytes)).Class))
            {
                continue;
            }

            records++;
            // As sent, and with its line endings mixed, so a cut can fall inside a CRLF too.
            foreach (var variant in new[] { bytes, MixLineEndings(rng, bytes) })
            {
                var cutoff = MaintainedValueStart(variant);
                Assert.True(cutoff > 0, $"{name} has no 'Record maintained' line");
                for (var length = 0; length < cutoff; length++)
                {
                    var reply = Timed(WhoisText.Decode(variant.AsSpan(0, length)), ref worst);
                    Assert.False(IsRecord(reply.Class), $"{name}: the first {length} of {variant.Length} bytes were read as {reply.Class}");
                    prefixes++;
                }
            }
        }

        // Guards against a vacuous pass: the project's own fixtures alone hold seven records.
        Assert.True(records >= 7, $"only {records} record fixtures");
        output.WriteLine($"{prefixes} prefixes of {records} records, worst {worst.TotalMilliseconds:F2} ms");

        static bool IsRecord(ReplyClass c) => c is ReplyClass.Registered or ReplyClass.Inactive or ReplyClass.Quarantine;
    }

    // Where the value of "Record maintained (by):" begins; any prefix shorter than this lacks the value.
    private static int MaintainedValueStart(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var at = text.IndexOf("Record maintained", StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        var colon = text.IndexOf(':', at);
        var value = colon + 1;
        while (value < text.Length && text[value] is ' ' or '\t')
        {
            value++;
        }

        return value;
    }

    [Fact]
    public void Random_bytes_never_throw_and_are_never_a_fact()
    {
        var rng = new Random(Seed());
        var worst = TimeSpan.Zero;
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[rng.Next(0, 4096)];
            rng.NextBytes(bytes);
            var reply = Timed(WhoisText.Decode(bytes), ref worst);
            // Uniform random bytes cannot spell "Domain name:" and "Status: active" by chance at these lengths.
            Assert.False(reply.IsFact, $"random bytes read as {reply.Class}");
            Assert.Equal(ReplyClass.Unparseable, RdapParser.Parse(WhoisText.Decode(bytes)).Class);
        }

        output.WriteLine($"2000 random replies, worst {worst.TotalMilliseconds:F2} ms");
    }

    [Fact]
    public void Ten_megabytes_of_garbage_is_read_in_linear_time()
    {
        var rng = new Random(Seed());
        const int size = 10 * 1024 * 1024;
        var random = new byte[size];
        rng.NextBytes(random);
        var cases = new (string Name, string Text)[]
        {
            ("random bytes", WhoisText.Decode(random)),
            ("one line, no line end", new string('x', size)),
            ("only CR", new string('\r', size)),
            ("only spaces", new string(' ', size)),
            ("repeated labels", Repeat("Domain name:\n", size)),
            ("one huge block", "Technical contact(s):\n" + Repeat("   ABC001234-XYZAB\n", size)),
            ("deepening indentation", Deepening(size)),
            ("colons", new string(':', size)),
            ("almost a throttle", Repeat("only 1 request per secon", size)),
        };
        foreach (var (name, text) in cases)
        {
            var sw = Stopwatch.StartNew();
            var reply = WhoisParser.Parse(text);
            sw.Stop();
            output.WriteLine($"{name}: {text.Length / 1e6:F1} M chars → {reply.Class} in {sw.ElapsedMilliseconds} ms " +
                $"({text.Length / 1e6 / Math.Max(sw.Elapsed.TotalSeconds, 1e-9):F0} M chars/s)");
            Assert.False(reply.IsFact, $"{name} read as {reply.Class}");
            // Linear reading of 10 MB takes well under a second here; a quadratic one would take hours.
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"{name} took {sw.Elapsed}");
        }
    }

    private static string Repeat(string unit, int size)
    {
        var sb = new StringBuilder(size + unit.Length);
        while (sb.Length < size)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    // Each line one space deeper than the last: every line opens a new, deeper block.
    private static string Deepening(int size)
    {
        var sb = new StringBuilder(size + 4096);
        for (var depth = 0; sb.Length < size; depth = (depth + 1) % 2000)
        {
            sb.Append(' ', depth).Append("a:\n");
        }

        return sb.ToString();
    }

    private static byte[] Mutate(Random rng, byte[] source, out string how)
    {
        switch (rng.Next(6))
        {
            case 0:
                how = "truncation";
                return source[..rng.Next(source.Length + 1)];
            case 1:
                how = "line-ending mix";
                return MixLineEndings(rng, source);
            case 2:
                how = "byte flips";
                var flipped = (byte[])source.Clone();
                for (var k = rng.Next(1, 8); k > 0 && flipped.Length > 0; k--)
                {
                    flipped[rng.Next(flipped.Length)] = (byte)rng.Next(256);
                }

                return flipped;
            case 3:
                how = "truncated line-ending mix";
                var mixed = MixLineEndings(rng, source);
                return mixed[..rng.Next(mixed.Length + 1)];
            case 4:
                how = "slice";
                var start = rng.Next(source.Length + 1);
                return source[start..rng.Next(start, source.Length + 1)];
            default:
                how = "duplicated lines";
                var lines = Encoding.Latin1.GetString(source).Split('\n').ToList();
                for (var k = rng.Next(1, 4); k > 0; k--)
                {
                    var at = rng.Next(lines.Count);
                    lines.Insert(rng.Next(lines.Count + 1), lines[at]);
                }

                return Encoding.Latin1.GetBytes(string.Join('\n', lines));
        }
    }

    private static byte[] MixLineEndings(Random rng, byte[] source)
    {
        var text = Encoding.Latin1.GetString(source).ReplaceLineEndings("\n");
        var sb = new StringBuilder(text.Length * 2);
        foreach (var ch in text)
        {
            if (ch != '\n')
            {
                sb.Append(ch);
                continue;
            }

            sb.Append(rng.Next(4) switch
            {
                0 => "\r\n",
                1 => "\r",
                2 => "  \n",
                _ => "\n",
            });
        }

        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}
