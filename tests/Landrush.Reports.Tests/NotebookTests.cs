using System.Text.Json;

namespace Landrush.Reports.Tests;

/// <summary>
/// The committed notebooks: what they read and that they carry their outputs. Executing them is CI's (.ci/run runs
/// each with Jupyter; a failing cell fails the build); this checks the committed copies between runs.
/// </summary>
public class NotebookTests
{
    public static TheoryData<string> Notebooks => ["notebooks/concentration.ipynb", "notebooks/demand-vs-capacity.ipynb"];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_resolves_parties_from_the_rows_and_carries_its_outputs(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path(path)));
        var root = doc.RootElement;
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        var code = root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        var source = string.Concat(code.SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString())));
        // Parties as analyze forms them, from the dataset's rows; the reconstruction's ground truth is not read.
        Assert.Contains("AllocationBuilder.Build(", source, StringComparison.Ordinal);
        Assert.DoesNotContain(".truth.csv", source, StringComparison.Ordinal);
        Assert.DoesNotContain(".parties.csv", source, StringComparison.Ordinal);
        // Executed: every code cell ran, in order, and none failed; the figures are in the outputs.
        Assert.All(code, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("execution_count").ValueKind));
        Assert.Equal(Enumerable.Range(1, code.Count), code.Select(c => c.GetProperty("execution_count").GetInt32()));
        var outputs = code.SelectMany(c => c.GetProperty("outputs").EnumerateArray()).ToList();
        Assert.DoesNotContain(outputs, o => o.GetProperty("output_type").GetString() == "error");
        Assert.Contains(outputs, o => o.ToString().Contains("data:image/png;base64,", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.ToString().Contains("SYNTHETIC", StringComparison.Ordinal));
    }
}
