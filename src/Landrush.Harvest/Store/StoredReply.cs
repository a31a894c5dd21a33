using Landrush.Core.Dataset;

namespace Landrush.Harvest.Store;

/// <summary>One raw reply kept as evidence.</summary>
/// <param name="Id">The store's id of the reply (0 before it is stored).</param>
/// <param name="Index">Index of the name in the space.</param>
/// <param name="Name">The name asked about.</param>
/// <param name="Source"><c>dns</c>, <c>whois</c> or <c>rdap</c>.</param>
/// <param name="Server">Who answered (<c>host:port</c> or URL).</param>
/// <param name="At">When the reply was received (UTC).</param>
/// <param name="Class">How it was read: a DNS outcome or a WHOIS reply class, lower case.</param>
/// <param name="Notice">The simulator's notice line when the reply carried one (<see cref="Core.Whois.SimulatorNotice"/>).</param>
/// <param name="Raw">The bytes exactly as received.</param>
public sealed record StoredReply(long Id, long Index, string Name, string Source, string Server, DateTimeOffset At, string Class, string? Notice, ReadOnlyMemory<byte> Raw)
{
    /// <summary>The worker that stored the reply (<see cref="HarvestWorker.Name"/>), when the store recorded it.</summary>
    public string? Worker { get; init; }

    /// <summary>The address the query left from, when the worker bound one (<c>--source-address</c>).</summary>
    public string? SourceAddress { get; init; }

    /// <summary>When the query was sent (UTC), when known: the exchange's end less its duration.</summary>
    public DateTimeOffset? AskedAt { get; init; }

    /// <summary>The <c>raw_ref</c> of an exported row: <c>raw/NAME/ID</c>, resolved by <c>landrush raw</c>.</summary>
    public RawRef Ref => new(Name, Id);
}
