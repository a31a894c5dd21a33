using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Store;

/// <summary>The DNS sweep's outcome for one name, with the reply that decided it (empty after a timeout).</summary>
public sealed record DnsObservation(long Index, string Name, DnsOutcome Outcome, string Server, DateTimeOffset At, ReadOnlyMemory<byte> Raw)
{
    private static readonly string[] OutcomeText = ["unknown", "delegated", "absent"];

    /// <summary>The reply as a store keeps it: its class the outcome, lower case; from <paramref name="worker"/>, when one swept it.</summary>
    public StoredReply Reply(HarvestWorker? worker) =>
        new(0, Index, Name, "dns", Server, At, OutcomeText[(int)Outcome], null, Raw) { Worker = worker?.Name, SourceAddress = worker?.SourceAddress };
}
