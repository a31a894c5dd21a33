using Landrush.Analysis.Concentration;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;

namespace Landrush.Reports.Tests;

public class WordsTests
{
    [Fact]
    public void Every_enum_value_has_its_own_word_and_none_is_a_csharp_name()
    {
        AssertWords(Enum.GetValues<VerdictStatus>(), Words.Status);
        AssertWords(Enum.GetValues<VerdictStatus>(), Words.StatusPhrase);
        AssertWords(Enum.GetValues<HhiBand>(), Words.Band);
        AssertWords(Enum.GetValues<PartyLinkKind>(), Words.Field);
        AssertWords(Enum.GetValues<PartyKey>(), Words.Key);
        AssertWords(Enum.GetValues<NullModelKind>(), Words.Model);
        AssertWords(Enum.GetValues<NullModelKind>(), Words.ModelName);
        Assert.Equal(["no_excess_capacity", "excess_capacity", "inconclusive", "undefined"], Enum.GetValues<VerdictStatus>().Select(Words.Status));
    }

    [Fact]
    public void The_headline_names_the_status_with_the_word_of_the_json_and_the_report()
    {
        Assert.All(Enum.GetValues<VerdictStatus>(), s => Assert.Equal(Words.Status(s), Words.StatusPhrase(s).Replace(' ', '_')));
    }

    private static void AssertWords<T>(T[] values, Func<T, string> word)
        where T : struct, Enum
    {
        var words = values.Select(word).ToList();
        Assert.Equal(values.Length, words.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.NotEqual(v.ToString(), word(v)));
    }
}
