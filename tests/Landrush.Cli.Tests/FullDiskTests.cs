using System.Diagnostics;
using Landrush.Cli.Files;
using Landrush.Core.Dataset;
using Landrush.Harvest.Pipeline;
using Landrush.Harvest.Store;
using Landrush.Simulator;
using Landrush.Simulator.Whois;

namespace Landrush.Cli.Tests;

/// <summary>
/// A harvest whose store fills its file system: a real size-limited tmpfs (mounting needs root, which CI has;
/// where the mount is refused the test is skipped and says why).
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-full-").FullName;
    private readonly string _mount;
    private bool _mounted;

    public FullDiskTests() => _mount = Directory.CreateDirectory(Path.Combine(_dir, "small")).FullName;

    [SkippableFact]
    public async Task A_full_disk_is_one_line_and_exit_1_and_the_store_resumes_when_space_is_freed()
    {
        var (ok, why) = Run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", _mount);
        Skip.IfNot(ok, $"cannot mount a size-limited tmpfs here ({why})");
        _mounted = true;

        var data = DatasetFile.Read(Path.Combine(RepositoryFiles.Root, "data", "nl-2008-reconstruction.csv"));
        await using var sim = await RegistrySimulator.StartAsync(new RegistrySimulatorOptions
        {
            Dataset = data,
            DatasetName = "nl-2008-reconstruction.csv",
            Whois = new WhoisServerOptions { RatePerSecond = null, DailyLimit = null },
        });
        var store = Path.Combine(_mount, "h.db");
        string[] args = ["harvest", "--space", "digits:1-3", "--store", store, "--dns", $"127.0.0.1:{sim.DnsEndPoint!.Port}",
            "--whois", $"127.0.0.1:{sim.WhoisEndPoint!.Port}", "--whois-rate", "2000"];

        // 1,110 names and ~1,040 WHOIS replies of about a kilobyte do not fit in 512 KB.
        var (code, _, err) = await CliRunner.RunAsync(args);
        Assert.Equal(1, code);
        // Stderr also has the start line and progress; the failure is one line, the last, with no stack trace.
        var lines = err.Trim().Split('\n');
        Assert.Single(lines, l => l.StartsWith("landrush:", StringComparison.Ordinal));
        Assert.StartsWith("landrush: error: ", lines[^1]);
        Assert.Contains("disk full", lines[^1]);
        Assert.Contains("run again to resume", lines[^1]);
        Assert.DoesNotContain("   at ", err);

        // The store still opens, whole; space is freed (the file system grown) and the same command completes it.
        using (var partial = SqliteHarvestStore.Open(store, mustExist: true))
        {
            Assert.NotNull(partial.Plan);
        }

        Assert.True(Run("mount", "-o", "remount,size=16m", _mount).Ok);
        (code, _, err) = await CliRunner.RunAsync(args);
        Assert.True(code == 0, err);
        using var done = SqliteHarvestStore.Open(store, mustExist: true);
        var rows = HarvestExport.Build(done).Rows;
        Assert.Equal(data.Records.Where(r => r.Length <= 3).Select(Facts), rows.Select(Facts));
    }

    private static object Facts(RegistryRecord r) => (r.Name, r.Status, r.Registrar, r.RegistrantHandle, r.RegistrantName, r.AdminHandle,
        string.Join(';', r.NameServerList), r.Created, r.Updated);

    private static (bool Ok, string Why) Run(string file, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode == 0, err.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, ex.Message);
        }
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Run("umount", _mount);
        }

        Directory.Delete(_dir, recursive: true);
    }
}
