using Landrush.Analysis.Parties;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using static Landrush.Analysis.Tests.Parties.Rows;

namespace Landrush.Analysis.Tests.Parties;

/// <summary>
/// The dataset reader and <see cref="AllocationBuilder"/> check names against the declared space with one
/// rule (<see cref="DatasetNameCheck"/>): the same rows are refused by both, in the same words, whether they
/// come from a file or were built in memory.
/// </summary>
public class SpaceCheckAgreementTests
{
    [Theory]
    [InlineData("123.nl", "'123.nl' is outside the declared space digits:1-2 under .nl")]
    [InlineData("1.com", "'1.com' is outside the declared space digits:1-2 under .nl")]
    [InlineData("1", "'1' is outside the declared space digits:1-2 under .nl")]
    [InlineData("a.nl", "'a.nl' is outside the declared space digits:1-2 under .nl")]
    [InlineData("1.nl.nl", "'1.nl.nl' is outside the declared space digits:1-2 under .nl")]
    [InlineData("2.nl", "duplicate name '2.nl'")]
    public void Reader_and_builder_refuse_the_same_row_in_the_same_words(string name, string problem)
    {
        // A name that is not a domain name at all ("1") cannot be a record's name: the reader reads it from text.
        var odd = DomainName.TryParse(name, out var domain) ? Row("3", "H3") with { Name = domain } : null;
        RegistryRecord[] rows = [Row("1", "H1"), Row("2", "H2"), odd ?? Row("3", "H3")];
        var csv = Csv(rows).Replace("\n3.nl,1,", $"\n{name},{name.Split('.')[0].Length},", StringComparison.Ordinal);

        var fromReader = Assert.Throws<UserInputException>(() => RegistryCsv.Read(new StringReader(csv), "x.csv"));
        Assert.Equal($"x.csv:5: column 'name': {problem}", fromReader.Message);
        if (odd is not null)
        {
            var fromBuilder = Assert.Throws<UserInputException>(() => AllocationBuilder.Build(Header, rows));
            Assert.Equal(problem, fromBuilder.Message);
        }
    }

    [Fact]
    public void Rows_both_accept_give_the_same_allocation()
    {
        RegistryRecord[] rows = [Row("10", "H1"), Row("2", "H2"), Free("3"), Row("99", "H1")];
        var read = RegistryCsv.Read(new StringReader(Csv(rows)), "x.csv");
        var fromFile = AllocationBuilder.Build(read.Header, read.Records);
        var inMemory = AllocationBuilder.Build(Header, rows);
        Assert.Equal(inMemory.Allocation.Registered, fromFile.Allocation.Registered);
        Assert.Equal(3, fromFile.Allocation.Registered);
    }

    private static string Csv(IEnumerable<RegistryRecord> rows)
    {
        using var writer = new StringWriter();
        RegistryCsv.Write(writer, Header, rows);
        return writer.ToString();
    }
}
