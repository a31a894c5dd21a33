using System.Text.RegularExpressions;

namespace Landrush.Cli.Tests;

/// <summary>
/// The README is a first screen (what Landrush is, the two commands, where to go next) and the command reference is
/// <c>docs/commands.md</c>; both stay true: every command and option is documented, and every "`COMMAND` prints `X`"
/// they state is what the command prints now.
/// </summary>
public partial class DocumentationTests
{
    private const string Reference = "docs/commands.md";

    [Fact]
    public async Task The_readme_opens_with_what_landrush_is_the_two_commands_and_where_to_go_next()
    {
        var lines = await File.ReadAllLinesAsync(RepositoryFiles.Path("README.md"));
        var firstScreen = string.Join('\n', lines.Take(45));
        Assert.Contains("\ndotnet run --project src/Landrush.Cli -- demo\n", firstScreen, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test Landrush.sln\n", firstScreen, StringComparison.Ordinal);
        Assert.Contains($"]({Reference})", firstScreen, StringComparison.Ordinal);
        Assert.True(lines.Length <= 250, $"README.md has {lines.Length} lines; the reference belongs in {Reference}");
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData(Reference)]
    public async Task No_prose_paragraph_runs_on(string doc)
    {
        var paragraph = new List<string>();
        var inCode = false;
        foreach (var line in (await File.ReadAllLinesAsync(RepositoryFiles.Path(doc))).Append(""))
        {
            inCode ^= line.StartsWith("```", StringComparison.Ordinal);
            var prose = !inCode && line.Length > 0 && !line.StartsWith('|') && !line.StartsWith('#') && !line.StartsWith("```", StringComparison.Ordinal)
                        && !ListItem().IsMatch(line);
            if (prose)
            {
                paragraph.Add(line);
                continue;
            }

            Assert.True(paragraph.Count <= 8, $"{doc}: a paragraph of {paragraph.Count} lines: {string.Join(' ', paragraph)[..Math.Min(200, string.Join(' ', paragraph).Length)]}…");
            paragraph.Clear();
        }
    }

    [Fact]
    public async Task Every_command_and_option_is_in_the_command_reference()
    {
        var docs = await File.ReadAllTextAsync(RepositoryFiles.Path(Reference));
        // Commands and their own subcommands (harvest status), each under a heading that names it.
        foreach (var (name, command) in LandrushCli.Build().Subcommands
                     .SelectMany(c => c.Subcommands.Select(s => ($"{c.Name} {s.Name}", s)).Prepend((c.Name, c))))
        {
            Assert.Matches(new Regex($"(?m)^#+ .*`{Regex.Escape(name)}`"), docs);
            foreach (var option in command.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help"))
            {
                Assert.True(docs.Contains($"`{option.Name}", StringComparison.Ordinal), $"{Reference} does not document {name} {option.Name}");
            }
        }

        var readme = await File.ReadAllTextAsync(RepositoryFiles.Path("README.md"));
        Assert.Contains($"]({Reference})", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_documentation_says_a_command_prints_is_what_it_prints()
    {
        var claims = new List<(string Doc, string Command, string Output)>();
        foreach (var doc in new[] { "README.md", Reference })
        {
            var text = (await File.ReadAllTextAsync(RepositoryFiles.Path(doc))).ReplaceLineEndings(" ");
            claims.AddRange(PrintsClaim().Matches(text).Select(m => (doc, m.Groups["command"].Value, m.Groups["output"].Value)));
        }

        Assert.True(claims.Count >= 3, $"only {claims.Count} 'prints' claims found");
        foreach (var (doc, command, output) in claims)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? RepositoryFiles.Path(a) : a).ToArray();
            var (code, stdout, stderr) = await CliRunner.RunAsync(args);
            Assert.True(code == 0, $"{doc}: '{command}' failed ({code}): {stderr}");
            Assert.True(stdout.Contains(output, StringComparison.Ordinal), $"{doc} says '{command}' prints '{output}'; it printed:\n{stdout}");
        }
    }

    [GeneratedRegex("`(?:landrush|dotnet run --project src/Landrush.Cli --) (?<command>[^`]+)` prints `(?<output>[^`]+)`")]
    private static partial Regex PrintsClaim();

    [GeneratedRegex(@"^\s*([-*]|\d+\.)\s")]
    private static partial Regex ListItem();
}
