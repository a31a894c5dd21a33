using Landrush.Analysis.Verdict.Spans;
using Landrush.Core.Enumeration;
using Landrush.Core.Model;

namespace Landrush.Analysis.Tests.Verdict;

public sealed class SpanFinderTests
{
    private static readonly NameSpace Space = NameSpace.Parse("digits:1-5");
    private static readonly NumericAxes Axes = NumericAxes.Of(Space);

    private static int[] Empty() => Enumerable.Repeat(-1, (int)Space.Count).ToArray();

    private static void Hold(int[] holder, string label, int party) => holder[Space.IndexOf(label)] = party;

    // The values 0 … count − 1 written in the given format ("0" plain, "0000" zero-padded), each to party(value).
    private static void HoldEach(int[] holder, int count, string format, Func<int, int> party)
    {
        for (var v = 0; v < count; v++)
        {
            Hold(holder, v.ToString(format, System.Globalization.CultureInfo.InvariantCulture), party(v));
        }
    }

    [Fact]
    public void The_numbers_up_to_2100_are_one_plain_span_not_blocks_per_length()
    {
        // Party 0 asked for 0, 1, …, 2100 as usually written and lost every tenth name to party 1: in index order these
        // are four stretches of four lengths with the leading-zero labels between; read as sent they are one span.
        var holder = Empty();
        for (var v = 0; v <= 2100; v++)
        {
            Hold(holder, v.ToString(System.Globalization.CultureInfo.InvariantCulture), v % 10 == 3 ? 1 : 0);
        }

        var spans = SpanFinder.Find(holder, Axes, 20);
        var span = Assert.Single(spans);
        Assert.Equal((0, 0, 0L, 2100L), (span.Party, span.Width, span.From, span.To));
        Assert.Equal("0–2100", span.Describe());
        Assert.Equal(2101 - 210, span.Held);
        // Sent as written: "1000" is the 1,001st name of the list, not the 145th as in index order.
        Assert.Equal(Space.IndexOf("1000"), span.Names(Axes, false).ElementAt(1000));
    }

    [Fact]
    public void A_zero_padded_block_is_one_span_of_its_width()
    {
        var holder = Empty();
        for (var v = 0; v < 5000; v++)
        {
            Hold(holder, v.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), v % 7 == 3 ? 2 : 0);
        }

        var span = Assert.Single(SpanFinder.Find(holder, Axes, 20));
        Assert.Equal((0, 4, 0L, 4999L), (span.Party, span.Width, span.From, span.To));
        Assert.Equal("0000–4999", span.Describe());
    }

    [Fact]
    public void A_list_split_by_another_partys_block_is_one_span_through_it()
    {
        // Party 0 sent 1000–3999; party 1 took most of 1900–2030 (a collector of years, too few names for a span of
        // its own at 150 names minimum), so that stretch is simply inside party 0's span. Party 2 holds 3000–3499 densely:
        // a span of its own in the middle of party 0's list. Party 0's span spans it, the block marked as bridged: party
        // 2's range, not names party 0 lost; its race reads the list as sent around the block or through it.
        var holder = Empty();
        var rng = new SeededRandom(3);
        for (var v = 1000; v <= 3999; v++)
        {
            var party = v is >= 1900 and <= 2030 ? (rng.NextDouble() < 0.9 ? 1 : 0) : v is >= 3000 and < 3500 ? 2 : 0;
            Hold(holder, v.ToString(System.Globalization.CultureInfo.InvariantCulture), party);
        }

        var spans = SpanFinder.Find(holder, Axes, 150).OrderBy(s => s.Party).ToArray();
        Assert.Equal([(0, 1000L, 3999L), (2, 3000L, 3499L)], spans.Select(s => (s.Party, s.From, s.To)));
        Assert.Equal([(3000L, 3499L)], spans[0].Bridged);
        Assert.Equal("1000–3999 (plain; 3000–3499 in it another party's span)", spans[0].Summary());
        Assert.Empty(spans[1].Bridged);
        Assert.Equal(Space.IndexOf("3500"), spans[0].Names(Axes, false).ElementAt(2500));
    }

    [Fact]
    public void Only_the_part_of_a_gap_that_another_partys_span_claims_is_bridged()
    {
        // Party 0 holds 1000–1999 and 2500–2999; between them ordinary participants took 2000–2149 (names party 0 sent and
        // lost) and party 1 holds 2150–2499. Only party 1's block is bridged; 2000–2149 stay a stretch party 0 lost.
        var holder = Empty();
        for (var v = 1000; v <= 2999; v++)
        {
            var party = v is >= 2000 and < 2150 ? 2 + (v % 20) : v is >= 2150 and < 2500 ? 1 : 0;
            Hold(holder, v.ToString(System.Globalization.CultureInfo.InvariantCulture), party);
        }

        var spans = SpanFinder.Find(holder, Axes, 150).OrderBy(s => s.Party).ToArray();
        Assert.Equal([(0, 1000L, 2999L), (1, 2150L, 2499L)], spans.Select(s => (s.Party, s.From, s.To)));
        Assert.Equal([(2150L, 2499L)], spans[0].Bridged);
    }

    [Fact]
    public void A_free_name_between_two_stretches_keeps_them_apart_even_beside_another_partys_block()
    {
        // As above, but 3500 is free: nobody asked for it, so party 0's list did not run through the block to 3999.
        var holder = Empty();
        for (var v = 1000; v <= 3999; v++)
        {
            Hold(holder, v.ToString(System.Globalization.CultureInfo.InvariantCulture), v is >= 3000 and < 3500 ? 2 : 0);
        }

        holder[Space.IndexOf("3500")] = -1;
        var spans = SpanFinder.Find(holder, Axes, 150).OrderBy(s => s.From).ToArray();
        Assert.Equal([(0, 1000L, 2999L), (2, 3000L, 3499L), (0, 3501L, 3999L)], spans.Select(s => (s.Party, s.From, s.To)));
        Assert.All(spans, s => Assert.Empty(s.Bridged));
    }

    [Fact]
    public void Where_two_range_parties_sent_the_same_names_both_spans_hold_them()
    {
        // Party 0 sent 0000–4999 (zero-padded) and party 1 the plain 0–1499, faster: party 1 won 1000–1499, names of both
        // lists. Party 0's block passes through them (it holds nine tenths of its list), and party 1's span is not cut there.
        var holder = Empty();
        HoldEach(holder, 5000, "0000", v => v is >= 1000 and < 1500 ? 1 : 0);
        HoldEach(holder, 1000, "0", _ => 1);

        var spans = SpanFinder.Find(holder, Axes, 20).OrderBy(s => s.Party).ToArray();
        Assert.Equal([(0, 4, 0L, 4999L), (1, 0, 0L, 1499L)], spans.Select(s => (s.Party, s.Width, s.From, s.To)));
    }

    [Fact]
    public void Whichever_span_is_chosen_first_both_hold_the_block_one_of_them_won()
    {
        // Party 0 sent 0000–1949 (zero-padded) and won four fifths of 0000–0999 and all of 1450–1949; party 1, faster, sent
        // the plain 0–1449 and won all of it, 1000–1449 included. Party 1 holds more names, so its span is chosen first;
        // party 0's list still runs through 1000–1449 (read at positions 1000–1449, not cut into two spans).
        var holder = Empty();
        HoldEach(holder, 1950, "0000", v => v is >= 1000 and < 1450 ? 1 : v < 1000 && v % 5 == 2 ? 2 + v : 0);
        HoldEach(holder, 1000, "0", _ => 1);

        var spans = SpanFinder.Find(holder, Axes, 20).OrderBy(s => s.Party).ToArray();
        Assert.Equal([(0, 4, 0L, 1949L), (1, 0, 0L, 1449L)], spans.Select(s => (s.Party, s.Width, s.From, s.To)));
    }

    [Fact]
    public void A_span_of_years_or_of_area_code_like_numbers_is_a_stretch_of_one_class_and_a_range_across_them_is_not()
    {
        Assert.True(new SendSpan(0, 0, 1901, 2028, 128).WithinOneStretchClass());
        Assert.True(new SendSpan(0, 4, 1900, 2030, 131).WithinOneStretchClass());
        Assert.True(new SendSpan(0, 3, 10, 99, 90).WithinOneStretchClass());
        Assert.True(new SendSpan(0, 4, 100, 999, 900).WithinOneStretchClass());
        Assert.False(new SendSpan(0, 0, 1850, 1950, 101).WithinOneStretchClass());
        Assert.False(new SendSpan(0, 4, 0, 999, 1000).WithinOneStretchClass());
        Assert.False(new SendSpan(0, 0, 5000, 5200, 201).WithinOneStretchClass());
        Assert.False(new SendSpan(0, 5, 1901, 2028, 128).WithinOneStretchClass());
    }

    [Fact]
    public void A_free_name_ends_a_span()
    {
        // Under blind first-come-first-served a name someone asked for is registered: 1500 free means nobody asked.
        var holder = Empty();
        for (var v = 1000; v <= 1999; v++)
        {
            Hold(holder, v.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        }

        holder[Space.IndexOf("1500")] = -1;
        var spans = SpanFinder.Find(holder, Axes, 20).OrderBy(s => s.From).ToArray();
        Assert.Equal([(1000L, 1499L), (1501L, 1999L)], spans.Select(s => (s.From, s.To)));
    }

    [Fact]
    public void Two_parties_interleaved_half_and_half_hold_no_span()
    {
        var holder = Empty();
        for (var v = 1000; v <= 2999; v++)
        {
            Hold(holder, v.ToString(System.Globalization.CultureInfo.InvariantCulture), v % 2);
        }

        Assert.Empty(SpanFinder.Find(holder, Axes, 20));
    }
}
