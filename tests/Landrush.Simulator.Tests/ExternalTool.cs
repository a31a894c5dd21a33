using System.Diagnostics;

namespace Landrush.Simulator.Tests;

/// <summary>
/// Real programs the tests drive (Debian's whois, dig, nsd, dnsperf). Missing on a developer's machine:
/// the test says so and checks nothing. Missing under CI (<c>CI=true</c> or <c>LANDRUSH_REQUIRE_SHARED=1</c>,
/// set by <c>.ci/run</c>, which installs them): the test fails.
/// </summary>
internal static class ExternalTool
{
    public static bool Required =>
        Environment.GetEnvironmentVariable("LANDRUSH_REQUIRE_SHARED") == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tool's full path, or null (after failing the test when tools are required).</summary>
    public static string? Find(string name, Action<string> say)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin"))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.False(Required, $"'{name}' is not installed, and CI requires it (.ci/run installs it)");
        say($"'{name}' is not installed: nothing checked");
        return null;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
