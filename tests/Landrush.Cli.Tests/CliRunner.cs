namespace Landrush.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        RequireLoopbackServer(args);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LandrushCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Fails a test that would run <c>whois</c> without <c>--server</c> on 127.0.0.1: the default server is
    /// the real registry, and tests touch nothing but loopback, whatever order the command checks its input in.
    /// </summary>
    public static void RequireLoopbackServer(string[] args)
    {
        if (args.Length == 0 || args[0] != "whois" || args.Contains("--help"))
        {
            return;
        }

        var end = Array.IndexOf(args, "--");
        var options = end < 0 ? args : args[..end];
        var at = Array.IndexOf(options, "--server");
        Assert.True(at > 0 && at + 1 < options.Length && options[at + 1].StartsWith("127.0.0.1:", StringComparison.Ordinal),
            $"a test runs 'whois' without --server 127.0.0.1:PORT: {string.Join(' ', args)}");
    }
}
