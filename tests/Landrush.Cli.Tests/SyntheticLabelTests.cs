namespace Landrush.Cli.Tests;

/// <summary>Rows a reconstruction made are synthetic whatever the declared provenance says, and every output says so.</summary>
public class SyntheticLabelTests
{
    [Fact]
    public async Task Reconstruction_rows_under_a_registry_provenance_are_still_labelled_synthetic()
    {
        var dir = Directory.CreateTempSubdirectory("landrush-synthetic-");
        try
        {
            var path = Path.Combine(dir.FullName, "notsyn.csv");
            var lines = await File.ReadAllLinesAsync(TestData.Reconstruction.Value);
            lines[0] = lines[0].Replace("provenance=synthetic-reconstruction:profile=nl-2008:seed=2008", "provenance=sidn-export", StringComparison.Ordinal);
            Assert.DoesNotContain("synthetic", lines[0], StringComparison.Ordinal);
            await File.WriteAllLinesAsync(path, lines);

            var (code, reproduced, stderr) = await CliRunner.RunAsync("reproduce", "--data", path);
            Assert.True(code == 0, stderr);
            Assert.StartsWith("SYNTHETIC data (rows from a reconstruction, though the declared provenance is sidn-export)", reproduced, StringComparison.Ordinal);

            var zone = Path.Combine(dir.FullName, "nl.zone");
            var (zoneCode, zoneOut, zoneErr) = await CliRunner.RunAsync("zonefile", "--data", path, "--out", zone);
            Assert.True(zoneCode == 0, zoneErr);
            Assert.Contains("SYNTHETIC", zoneOut, StringComparison.Ordinal);
            Assert.Contains("SYNTHETIC: rows from a reconstruction", await File.ReadAllTextAsync(zone), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
