using System.Diagnostics;

namespace Landrush.Cli.Tests;

/// <summary>
/// Runs the built <c>landrush</c> as a real process under bash, for what only a process shows: a full or
/// closed standard output, a closed pipe, signals. In the script, <c>$LR</c> is the command.
/// </summary>
internal static class ProcessRunner
{
    public static async Task<(int Code, string Out, string Err)> BashAsync(string script, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "landrush.dll");
        var psi = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        psi.Environment["LR"] = $"dotnet {dll}";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
