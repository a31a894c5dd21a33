using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Store;

/// <summary>The DNS sweep's outcome for one name, with the reply that decided it (empty after a timeout).</summary>
public sealed record DnsObservation(long Index, string Name, DnsOutcome Outcome, string Server, DateTimeOffset At, ReadOnlyMemory<byte> Raw);
