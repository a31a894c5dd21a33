namespace Landrush.Analysis.Tests;

public class NoCsvTests
{
    [Fact]
    public void Analysis_returns_numbers_and_writes_no_csv()
    {
        // CSV belongs to Landrush.Reports (its tables) and Landrush.Core (the dataset format).
        var assembly = typeof(ObservedAllocation).Assembly;
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == "CsvHelper");
        Assert.DoesNotContain(assembly.GetExportedTypes(), t => t.Name.EndsWith("Csv", StringComparison.Ordinal));
    }
}
