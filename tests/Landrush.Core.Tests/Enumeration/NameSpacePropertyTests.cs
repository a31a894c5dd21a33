using Landrush.Core.Enumeration;
using Xunit.Abstractions;

namespace Landrush.Core.Tests.Enumeration;

/// <summary>
/// Properties over random specs, checked against an independent brute-force oracle: every string over
/// the alphabet, filtered by the hyphen rule, ordered by length then ordinally.
/// </summary>
public class NameSpacePropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20080228;
    private const string Ldh = "-0123456789abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public void Random_specs_match_the_brute_force_oracle_and_map_index_to_name_both_ways()
    {
        output.WriteLine($"seed {Seed}");
        var rng = new Random(Seed);
        for (var trial = 0; trial < 200; trial++)
        {
            var (spec, parts) = RandomSpec(rng);
            NameSpace ns;
            try
            {
                ns = NameSpace.Parse(spec);
            }
            catch (UserInputException)
            {
                // Overlapping random parts are refused by design; the oracle must agree they overlap.
                Assert.True(OracleOverlaps(parts), $"refused but disjoint: {spec}");
                continue;
            }

            var expected = parts.SelectMany(p => Oracle(p.Alphabet, p.Min, p.Max)).ToList();
            var actual = ns.Enumerate().ToList();
            Assert.Equal(expected.Count, ns.Count);
            Assert.Equal(expected, actual);
            var a = rng.NextInt64(ns.Count + 1);
            var b = rng.NextInt64(ns.Count + 1);
            var (from, to) = (Math.Min(a, b), Math.Max(a, b));
            Assert.Equal(expected.Skip((int)from).Take((int)(to - from)), ns.Enumerate(from, to));
            for (var k = 0; k < 50 && ns.Count > 0; k++)
            {
                var i = rng.NextInt64(ns.Count);
                var name = ns.NameAt(i);
                Assert.Equal(i, ns.IndexOf(name));
                Assert.Equal(name, ns.NameAt(ns.IndexOf(name)));
            }
        }
    }

    [Fact]
    public void Shards_partition_the_space_exactly()
    {
        output.WriteLine($"seed {Seed}");
        var rng = new Random(Seed + 1);
        foreach (var spec in new[] { "digits:1-3", "[0-9a-c-]:1-3", "digits:1-2+letters:1", "[ab]:1" })
        {
            var ns = NameSpace.Parse(spec);
            var all = ns.Enumerate().ToList();
            foreach (var n in new[] { 1, 2, 3, 7, rng.Next(1, 50), (int)ns.Count, (int)ns.Count + 5 })
            {
                var joined = new List<string>();
                for (var k = 1; k <= n; k++)
                {
                    var shard = new Shard(k, n);
                    var (start, end) = shard.RangeIn(ns.Count);
                    var part = ns.Enumerate(shard).ToList();
                    Assert.Equal(end - start, part.Count);
                    joined.AddRange(part);
                }

                Assert.Equal(all, joined);
            }
        }
    }

    [Theory]
    [InlineData("3/8", 3, 8)]
    [InlineData("1/1", 1, 1)]
    public void Shard_specs_parse(string text, int k, int n) => Assert.Equal(new Shard(k, n), Shard.Parse(text));

    [Theory]
    [InlineData("0/8")]
    [InlineData("9/8")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("3/0")]
    [InlineData("-1/4")]
    public void Bad_shards_are_refused(string text) => Assert.Throws<UserInputException>(() => Shard.Parse(text));

    private sealed record PartSpec(string Alphabet, int Min, int Max);

    private static (string Spec, List<PartSpec> Parts) RandomSpec(Random rng)
    {
        var parts = new List<PartSpec>();
        var texts = new List<string>();
        var count = rng.Next(1, 4);
        for (var p = 0; p < count; p++)
        {
            var chars = new SortedSet<char>();
            var size = rng.Next(1, 5);
            while (chars.Count < size)
            {
                chars.Add(Ldh[rng.Next(Ldh.Length)]);
            }

            if (chars.SetEquals("-"))
            {
                chars.Add('q');
            }

            // Write the hyphen last so it is literal, not a range.
            var body = new string([.. chars.Where(c => c != '-')]) + (chars.Contains('-') ? "-" : string.Empty);
            var min = rng.Next(1, 4);
            var max = min + rng.Next(0, 2);
            parts.Add(new PartSpec(new string([.. chars]), min, max));
            texts.Add(min == max ? $"[{body}]:{min}" : $"[{body}]:{min}-{max}");
        }

        return (string.Join('+', texts), parts);
    }

    private static IEnumerable<string> Oracle(string alphabet, int min, int max)
    {
        var sorted = new string([.. alphabet.Order()]);
        for (var len = min; len <= max; len++)
        {
            IEnumerable<string> words = [string.Empty];
            for (var i = 0; i < len; i++)
            {
                words = words.SelectMany(w => sorted.Select(c => w + c));
            }

            foreach (var w in words.Where(w => w[0] != '-' && w[^1] != '-').Order(StringComparer.Ordinal))
            {
                yield return w;
            }
        }
    }

    private static bool OracleOverlaps(List<PartSpec> parts)
    {
        var sets = parts.Select(p => Oracle(p.Alphabet, p.Min, p.Max).ToHashSet()).ToList();
        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = i + 1; j < sets.Count; j++)
            {
                if (sets[i].Overlaps(sets[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
