using System.CommandLine;

namespace Landrush.Cli.Tests;

public class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var c in LandrushCli.Build().Subcommands)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_usage_and_a_description(string command)
    {
        var (code, stdout, _) = await CliRunner.RunAsync(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        // The root name is the executable's (testhost here, landrush when installed).
        Assert.Contains($" {command} ", stdout[stdout.IndexOf("Usage:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var description = LandrushCli.Build().Subcommands.Single(c => c.Name == command).Description;
        Assert.False(string.IsNullOrWhiteSpace(description));
    }

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var c in LandrushCli.Build().Subcommands)
        {
            Assert.Contains(c.Name, stdout, StringComparison.Ordinal);
        }
    }
}
