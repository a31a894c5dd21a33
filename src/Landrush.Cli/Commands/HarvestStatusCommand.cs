using System.CommandLine;
using System.Globalization;
using System.Text;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Harvest.Store;
using Landrush.Reports.Json;

namespace Landrush.Cli.Commands;

/// <summary>
/// <c>landrush harvest status</c>: where a harvest stands, read from its store (either kind) while workers run or after:
/// names done per stage, the workers seen with their address, last activity and rate, throttle replies, and an ETA.
/// </summary>
internal static class HarvestStatusCommand
{
    /// <summary>Workers seen this recently count toward the rate the ETA assumes.</summary>
    private static readonly TimeSpan Active = TimeSpan.FromMinutes(2);

    public static Command Create()
    {
        var store = StoreOption.Create("Harvest store to read: a SQLite file or postgres://USER[:PASSWORD]@HOST[:PORT]/DB.");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("status", "Show where a harvest stands: names done per stage, the workers seen (address, last activity, " +
            "rate over the last minute), throttle replies, and the time left at the active workers' rate.")
        {
            store, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            using var theStore = StoreFile.Open(parsed.GetValue(store)!, mustExist: true);
            var plan = theStore.Plan ?? throw new UserInputException($"{theStore.Location}: no harvest in this store yet");
            var status = Read(theStore, plan);
            var stdout = parsed.InvocationConfiguration.Output;
            await stdout.WriteAsync(parsed.GetValue(json) ? Json(status) : Text(status));
            return LandrushCli.Ok;
        });
        return command;
    }

    private sealed record Status(
        string Store, HarvestPlan Plan, long Names, HarvestCounts Counts, WorkLeft Left, IReadOnlyList<WorkerStatus> Workers,
        DateTimeOffset Now, double ActiveRate, TimeSpan? Eta);

    private static Status Read(IHarvestStore store, HarvestPlan plan)
    {
        var (start, end) = plan.Range();
        var counts = store.Counts();
        var left = store.Left();
        var workers = store.Workers();
        var now = DateTimeOffset.UtcNow;
        var rate = workers.Where(w => w.LastSeen is { } seen && now - seen < Active).Sum(w => w.RecentRate);
        var whoisLeft = counts.WhoisNeeded - counts.WhoisAnswered;
        // The WHOIS stage's time left at the active workers' rate; unknown while DNS (which adds names to ask) is not done.
        TimeSpan? eta = counts.Swept < end - start ? null : whoisLeft == 0 ? TimeSpan.Zero : rate > 0 ? TimeSpan.FromSeconds(whoisLeft / rate) : null;
        return new Status(store.Location, plan, end - start, counts, left, workers, now, rate, eta);
    }

    private static string Text(Status s)
    {
        var inv = CultureInfo.InvariantCulture;
        var c = s.Counts;
        var b = new StringBuilder();
        b.AppendLine(inv, $"store {s.Store}: {s.Plan.Space} .{s.Plan.Tld} shard {s.Plan.Shard}, {s.Plan.Source} {s.Plan.WhoisServer}");
        b.AppendLine(inv, $"dns    {c.Swept:N0}/{s.Names:N0} names swept ({Share(c.Swept, s.Names)}): delegated {c.Delegated:N0}, absent {c.Absent:N0}, unknown {c.Unknown:N0}; " +
                          $"{s.Left.DnsBlocks} blocks left ({s.Left.DnsBlocksLeased} being swept)");
        b.AppendLine(inv, $"whois  {c.WhoisAnswered:N0}/{c.WhoisNeeded:N0} names answered ({Share(c.WhoisAnswered, c.WhoisNeeded)}): registered {c.Registered:N0}, free {c.Free:N0}, " +
                          $"failed {c.WhoisFailed:N0}, being asked {s.Left.WhoisLeased:N0}; {c.WhoisReplies:N0} exchanges kept, throttle replies {c.Throttles:N0}");
        b.AppendLine(inv, $"workers ({s.Workers.Count}):");
        foreach (var w in s.Workers)
        {
            var seen = w.LastSeen is { } t ? $"last seen {Ago(s.Now - t)} ago" : "never seen";
            b.AppendLine(inv, $"  {Printable.Escape(w.Name)}  from {w.SourceAddress ?? "(system's choice)"}  on {Printable.Escape(w.Host ?? "?")} pid {w.Pid}  {seen}  " +
                              $"dns {w.DnsNames:N0}  whois {w.WhoisQueries:N0} exchanges at {w.RecentRate:N1}/s over the last minute (its limit {w.WhoisRate:0.###}/s)  throttles {w.Throttles:N0}");
        }

        b.AppendLine(s.Eta is { } eta
            ? string.Create(inv, $"ETA {HarvestCommand.Eta(eta)}: {c.WhoisNeeded - c.WhoisAnswered:N0} names to ask at {s.ActiveRate:N1}/s (workers active in the last {Active.TotalMinutes:0} minutes)")
            : c.Swept < s.Names ? "ETA unknown: the DNS sweep is not finished (it decides which names WHOIS asks)" : "ETA unknown: no worker active in the last 2 minutes");
        return b.ToString();
    }

    // Reports writes the JSON; this maps the store's status into its record (Reports knows no store).
    private static string Json(Status s)
    {
        var c = s.Counts;
        var status = new HarvestStatusJson(
            s.Store, s.Plan.Space, s.Plan.Tld, s.Plan.Shard, s.Plan.Source,
            new DnsStageJson(s.Names, c.Swept, c.Delegated, c.Absent, c.Unknown, s.Left.DnsBlocks, s.Left.DnsBlocksLeased),
            new WhoisStageJson(c.WhoisNeeded, c.WhoisAnswered, c.WhoisFailed, s.Left.WhoisLeased, c.Registered, c.Free, c.WhoisReplies, c.Throttles),
            [.. s.Workers.Select(Worker)],
            Math.Round(s.ActiveRate, 3),
            s.Eta is { } eta ? Math.Round(eta.TotalSeconds) : null);
        return JsonOutput.Serialize(status) + "\n";
    }

    private static WorkerJson Worker(WorkerStatus w) => new(
        w.Name, w.SourceAddress, w.Host, w.Pid, w.WhoisRate, Time(w.Started), Time(w.LastSeen), w.DnsNames, w.WhoisQueries, w.Throttles,
        Math.Round(w.RecentRate, 3));

    private static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) => whole > 0 ? ((double)part / whole).ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    private static string Ago(TimeSpan t) => t.TotalSeconds < 120 ? $"{Math.Max(0, (int)t.TotalSeconds)} s" : HarvestCommand.Eta(t);
}
