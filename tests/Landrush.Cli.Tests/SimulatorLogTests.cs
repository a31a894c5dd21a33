namespace Landrush.Cli.Tests;

/// <summary>
/// A simulator asked to keep a query log serves nothing unlogged: the log is the evidence that a harvest stayed within
/// the limits. The first write that fails stops it with one line and exit 1.
/// </summary>
public sealed class SimulatorLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-simlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_log_that_cannot_be_written_stops_the_simulator_at_the_first_query()
    {
        var data = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(data, TestData.Header("digits:1") + TestData.Row("1", "A") + TestData.Row("2", "B"));
        // grep -s: sim.out may not exist yet when the loop first looks, and grep's complaint would land in the stderr asserted below.
        var (code, stdout, stderr) = await ProcessRunner.BashAsync(
            $"$LR simulate --data {data} --whois-rate off --log /dev/full > sim.out 2> sim.err & pid=$!; " +
            "for i in $(seq 300); do grep -qs '^running' sim.out && break; sleep 0.1; done; " +
            "port=$(sed -n 's/^whois: 127.0.0.1:\\([0-9]*\\) .*/\\1/p' sim.out); " +
            "$LR whois 1.nl --server 127.0.0.1:$port > /dev/null 2>&1; " +
            "for i in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done; " +
            "if kill -0 $pid 2>/dev/null; then echo 'still serving'; kill -TERM $pid; fi; " +
            "wait $pid; echo \"status $?\"; cat sim.err >&2",
            _dir, TimeSpan.FromSeconds(60));
        Assert.Equal(0, code);
        Assert.Equal("status 1\n", stdout);
        Assert.Equal("landrush: error: cannot write /dev/full: no space left on device\n", stderr);
    }

    [Fact]
    public async Task Sigterm_still_stops_a_simulator_whose_log_is_written_with_130()
    {
        var data = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(data, TestData.Header("digits:1") + TestData.Row("1", "A") + TestData.Row("2", "B"));
        var (code, stdout, _) = await ProcessRunner.BashAsync(
            $"$LR simulate --data {data} --whois-rate off --log q.log > sim.out 2> sim.err & pid=$!; " +
            "for i in $(seq 300); do grep -qs '^running' sim.out && break; sleep 0.1; done; " +
            "port=$(sed -n 's/^whois: 127.0.0.1:\\([0-9]*\\) .*/\\1/p' sim.out); " +
            "$LR whois 1.nl --server 127.0.0.1:$port > /dev/null 2>&1; sleep 0.5; " +
            "kill -TERM $pid; wait $pid; echo \"status $?\"",
            _dir, TimeSpan.FromSeconds(60));
        Assert.Equal(0, code);
        Assert.Equal("status 130\n", stdout);
        Assert.EndsWith("\t1.nl\trecord", (await File.ReadAllTextAsync(Path.Combine(_dir, "q.log"))).TrimEnd(), StringComparison.Ordinal);
    }
}
