using System.Diagnostics;
using Landrush.Analysis.Concentration;

namespace Landrush.Analysis.Tests.Concentration;

/// <summary>
/// The indices against numpy (Debian's python3-numpy, installed by .ci/run). Where numpy is missing the test is
/// Skipped, except under CI, where it fails: CI must never lose this check silently.
/// </summary>
public class NumpyTests
{
    private const string Script = """
        import sys, json, numpy as np
        out = []
        for line in sys.stdin:
            x = np.array([int(v) for v in line.split()], dtype=np.float64)
            n = len(x); total = x.sum(); s = x / total
            srt = np.sort(x)[::-1]
            hhi = float((s ** 2).sum())
            gini = float(np.abs(x[:, None] - x[None, :]).sum() / (2 * n * n * x.mean()))
            pos = s[s > 0]
            theil = float((pos * np.log(n * pos)).sum())
            out.append([float(srt[:2].sum() / total), 10000 * hhi, (hhi - 1 / n) / (1 - 1 / n), gini, theil])
        print(json.dumps(out))
        """;

    [SkippableFact]
    public void Indices_match_numpy_to_1e_12()
    {
        var vectors = Enumerable.Range(1, 12).Select(ExactArithmeticTests.RandomHoldings).ToList();
        var input = string.Join('\n', vectors.Select(v => string.Join(' ', v))) + "\n";
        var result = RunPython(input);
        var rows = System.Text.Json.JsonSerializer.Deserialize<double[][]>(result)!;
        Assert.Equal(vectors.Count, rows.Length);
        for (var i = 0; i < vectors.Count; i++)
        {
            var h = vectors[i];
            Assert.Equal(rows[i][0], ConcentrationRatio.Of(h, 2), 1e-12);
            Assert.Equal(rows[i][1] / 10_000, HerfindahlIndex.Of(h) / 10_000, 1e-12);
            Assert.Equal(rows[i][2], HerfindahlIndex.Normalized(h), 1e-12);
            Assert.Equal(rows[i][3], GiniCoefficient.Of(h), 1e-12);
            Assert.Equal(rows[i][4], TheilIndex.T(h), 1e-12);
        }
    }

    /// <summary>numpy's output; without python3 or numpy the test ends (<see cref="Requirement.Missing"/>).</summary>
    private static string RunPython(string input)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            throw Requirement.Missing("/usr/bin/python3 (apt-get install python3-numpy)");
        }

        var start = new ProcessStartInfo(python, ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.True(stderr.Contains("No module named 'numpy'", StringComparison.Ordinal), "python3 failed: " + stderr);
            throw Requirement.Missing("numpy for /usr/bin/python3 (apt-get install python3-numpy)");
        }

        return stdout.Result;
    }
}
