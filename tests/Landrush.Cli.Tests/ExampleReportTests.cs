using System.Text;
using System.Text.RegularExpressions;

namespace Landrush.Cli.Tests;

/// <summary>
/// <c>reports/example/</c> is committed, and it must be what its own recorded command makes today: the test reads the
/// command from the committed <c>report.md</c>, runs it (the built <c>landrush</c>, from the repository root) into a
/// temporary folder and compares. Compared byte for byte: <c>report.md</c>, every CSV, and <c>report.html</c> with its
/// inlined images left out; the figures by their file names only, since their PNG and SVG bytes depend on the fonts
/// of the machine that drew them (ScottPlot measures and rasterises text through SkiaSharp and fontconfig).
/// </summary>
public partial class ExampleReportTests
{
    private const string Folder = "reports/example";

    [Fact]
    public async Task The_committed_example_report_is_what_its_recorded_command_makes_now()
    {
        var committed = RepositoryFiles.Path(Folder);
        var args = RecordedArguments(await File.ReadAllTextAsync(Path.Combine(committed, "report.md")));
        var regenerate = "dotnet run --project src/Landrush.Cli -- " + string.Join(' ', args);
        var fresh = Path.Combine(Path.GetTempPath(), $"landrush-example-{Guid.NewGuid():N}");
        try
        {
            var run = args.ToArray();
            run[Array.IndexOf(run, "--out") + 1] = fresh;
            var (code, _, stderr) = await ProcessRunner.BashAsync("$LR " + string.Join(' ', run.Select(a => $"'{a}'")), RepositoryFiles.Root, TimeSpan.FromMinutes(5));
            Assert.True(code == 0, $"the recorded command failed ({code}): {stderr}");

            var differences = Compare(committed, fresh);
            Assert.True(differences.Count == 0,
                $"{Folder} is not what its command makes now:\n  {string.Join("\n  ", differences)}\n" +
                $"Regenerate it from the repository root with:\n  {regenerate}");
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_example_command_is_the_one_the_documentation_gives()
    {
        var args = RecordedArguments(await File.ReadAllTextAsync(RepositoryFiles.Path($"{Folder}/report.md")));
        var command = "report " + string.Join(' ', args[1..]);
        foreach (var doc in new[] { "README.md", "reports/README.md" })
        {
            Assert.True((await File.ReadAllTextAsync(RepositoryFiles.Path(doc))).Contains(command, StringComparison.Ordinal),
                $"{doc} does not give the command {Folder}/report.md records: {command}");
        }
    }

    // The command in the report's "How this report was made" block, as arguments after "landrush".
    private static string[] RecordedArguments(string md)
    {
        var m = RecordedCommand().Match(md);
        Assert.True(m.Success, $"{Folder}/report.md records no command");
        var command = m.Groups["command"].Value;
        Assert.DoesNotContain('\'', command);
        var args = command.Split(' ')[1..];
        Assert.Equal("report", args[0]);
        var at = Array.IndexOf(args, "--out");
        Assert.True(at > 0 && at + 1 < args.Length && args[at + 1] == Folder, $"the recorded command does not write to {Folder}: {command}");
        return args;
    }

    /// <summary>What differs between the committed example and a fresh one, one line each; empty when nothing does.</summary>
    private static List<string> Compare(string committed, string fresh)
    {
        static SortedSet<string> Files(string root) =>
            new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')), StringComparer.Ordinal);

        var (was, now) = (Files(committed), Files(fresh));
        var differences = new List<string>();
        differences.AddRange(was.Except(now).Select(f => $"{f}: committed, no longer made"));
        differences.AddRange(now.Except(was).Select(f => $"{f}: made now, not committed"));
        foreach (var file in was.Intersect(now).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var a = Comparable(File.ReadAllText(Path.Combine(committed, file)), file, null);
            var b = Comparable(File.ReadAllText(Path.Combine(fresh, file)), file, fresh);
            if (FirstDifference(a, b) is { } line)
            {
                differences.Add($"{file}: {line}");
            }
        }

        return differences;
    }

    // The fresh report records the temporary --out it was run with: put the committed folder back in its place.
    private static string Comparable(string text, string file, string? freshOut)
    {
        if (freshOut is not null)
        {
            text = text.Replace($"--out {freshOut}", $"--out {Folder}", StringComparison.Ordinal);
        }

        return file.EndsWith(".html", StringComparison.Ordinal) ? InlinedImage().Replace(text, "data:image/png;base64,(figure)") : text;
    }

    private static string? FirstDifference(string a, string b)
    {
        if (a == b)
        {
            return null;
        }

        var (x, y) = (a.Split('\n'), b.Split('\n'));
        var i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i])
        {
            i++;
        }

        static string Cut(string[] lines, int i) => i < lines.Length ? (lines[i].Length > 160 ? lines[i][..160] + "…" : lines[i]) : "(end of file)";
        return new StringBuilder().Append("line ").Append(i + 1).Append(": committed \"").Append(Cut(x, i)).Append("\", now \"").Append(Cut(y, i)).Append('"').ToString();
    }

    [GeneratedRegex("(?m)^## How this report was made\\n\\n```\\n(?<command>landrush [^\\n]*)\\n```")]
    private static partial Regex RecordedCommand();

    [GeneratedRegex("data:image/png;base64,[A-Za-z0-9+/=]*")]
    private static partial Regex InlinedImage();
}
