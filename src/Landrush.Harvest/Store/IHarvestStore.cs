using Landrush.Core.Dataset;

namespace Landrush.Harvest.Store;

/// <summary>
/// Where a harvest keeps its plan, each name's state, every raw reply (the evidence) and each parsed
/// record. Every write is atomic: after a crash at any moment the store holds whole answers only, and
/// a name whose answer was stored is never asked again. The pipeline knows only this interface: the SQLite
/// store (one harvester at a time) and the PostgreSQL store (any number of workers on several machines)
/// implement it and pass the same tests (<c>HarvestStoreContract</c>).
/// </summary>
/// <remarks>
/// Work is shared by leases: a worker <see cref="Join"/>s, then claims DNS blocks (<see cref="ClaimDns"/>) and
/// small batches of names to ask (<see cref="ClaimWhois"/>), each held for the join's lease time and renewed
/// (<see cref="Renew"/>) while it works. A worker that dies holds nothing once its leases expire. A reply stored
/// after its lease expired is kept as evidence; only the first fact stored for a name becomes its record.
/// </remarks>
public interface IHarvestStore : IDisposable
{
    /// <summary>The plan this store answers, or null for a new store.</summary>
    HarvestPlan? Plan { get; }

    /// <summary>Where the store is, for messages (a path, or a URL without its password).</summary>
    string Location { get; }

    /// <summary>
    /// Records <paramref name="plan"/> in a new store (and lays out its DNS blocks), or checks that an existing store
    /// is for the same plan. A store of another plan is refused with a <see cref="Core.UserInputException"/> that says
    /// how it differs.
    /// </summary>
    void Begin(HarvestPlan plan);

    /// <summary>
    /// Registers <paramref name="worker"/> (for <c>harvest status</c>), stamps every reply this instance stores with it,
    /// and gives back at once any lease a previous process of the same name held (it is dead: names are unique).
    /// Claims made through this instance last <paramref name="lease"/> unless renewed.
    /// </summary>
    void Join(HarvestWorker worker, TimeSpan lease);

    /// <summary>Claims the first DNS block not swept whole and not leased by a live worker; null when there is none.</summary>
    DnsBlock? ClaimDns();

    /// <summary>The names of [<paramref name="start"/>, <paramref name="end"/>) that already have a DNS outcome.</summary>
    IReadOnlySet<long> Swept(long start, long end);

    /// <summary>Marks <paramref name="block"/> swept whole (its outcomes are stored) and gives back its lease.</summary>
    void CompleteDns(DnsBlock block);

    /// <summary>
    /// Claims up to <paramref name="max"/> names the WHOIS stage must still answer, in index order, that no live lease
    /// holds and that this worker has not failed already in this run. Empty when there are none right now.
    /// </summary>
    IReadOnlyList<NameState> ClaimWhois(int max);

    /// <summary>Gives back this worker's lease on one name it is done with without a fact (failed after its retries).</summary>
    void Unclaim(long index);

    /// <summary>Renews every lease this worker holds and records that it is alive.</summary>
    void Renew();

    /// <summary>Gives back every lease this worker holds (at the end of its run).</summary>
    void Release();

    /// <summary>What is left for the workers (cheap: reads small tables and the index of names to ask).</summary>
    WorkLeft Left();

    /// <summary>Every name with a state, by index.</summary>
    IReadOnlyDictionary<long, NameState> States();

    /// <summary>Stores DNS outcomes and their replies, all or none.</summary>
    void SaveDns(IReadOnlyList<DnsObservation> batch);

    /// <summary>
    /// Records one stratum of the verify sample and marks its members as verify names (names already marked
    /// stay so), all or none.
    /// </summary>
    void MarkVerify(VerifyStratum stratum);

    /// <summary>
    /// Draws the verify sample once for the whole store: when no stratum is recorded yet, reads the indices of the names
    /// DNS called absent in [<paramref name="start"/>, <paramref name="end"/>) in index order, records the stratum
    /// <paramref name="draw"/> makes of them, and returns true; under a lock, so that of several workers one draws.
    /// </summary>
    bool DrawVerify(long start, long end, Func<long[], VerifyStratum> draw);

    /// <summary>
    /// The verify sample's strata, in the order they were recorded; empty before a sample was drawn. A store
    /// written before strata were kept answers with one stratum: its verify names, drawn over its own shard.
    /// </summary>
    IReadOnlyList<VerifyStratum> Strata();

    /// <summary>
    /// Stores one WHOIS/RDAP exchange, all or none: the raw reply (kept even when it is no fact, e.g. a throttle, or a
    /// late answer), the name's new state, and the parsed record when the reply is a fact and the name had none yet.
    /// A name already answered keeps its state and record.
    /// </summary>
    WhoisSaved SaveWhois(StoredReply reply, WhoisState state, RegistryRecord? record, string? reason);

    /// <summary>
    /// Stores names with their evidence as another store of the same harvest held them (a merge of shards),
    /// all or none: each name's state, its replies under new ids, and its record pointing at its reply's new id.
    /// A name already in this store is replaced.
    /// </summary>
    void Import(IReadOnlyList<ImportedName> batch);

    /// <summary>The parsed records, by index (<see cref="RegistryRecord.RawRef"/> names their reply).</summary>
    IReadOnlyDictionary<long, RegistryRecord> Records();

    /// <summary>The parsed records of <paramref name="indices"/> that have one.</summary>
    IReadOnlyDictionary<long, RegistryRecord> Records(IReadOnlyCollection<long> indices);

    /// <summary>The store's figures by stage, counted in the store.</summary>
    HarvestCounts Counts();

    /// <summary>The workers that joined the store, with what they stored.</summary>
    IReadOnlyList<WorkerStatus> Workers();

    /// <summary>Every reply about <paramref name="name"/>, oldest first.</summary>
    IReadOnlyList<StoredReply> Replies(string name);

    /// <summary>How many replies the store keeps (DNS and WHOIS/RDAP).</summary>
    long ReplyCount();

    /// <summary>One reply by id, or null.</summary>
    StoredReply? Reply(long id);

    /// <summary>
    /// Stores a reply about the registry itself rather than a name (the DNS server's notice at the apex, asked when a
    /// run starts; <see cref="StoredReply.Index"/> -1, <see cref="StoredReply.Name"/> the TLD), kept as evidence: it is
    /// no name's state and gives no row, and its notice joins <see cref="Notices"/>.
    /// </summary>
    void SaveNotice(StoredReply reply);

    /// <summary>The distinct simulator notices (the lines) found in replies, for the export's provenance.</summary>
    IReadOnlyList<string> Notices();

    /// <summary>First and last reply time and the servers that answered, for the export's provenance.</summary>
    (DateTimeOffset? First, DateTimeOffset? Last, IReadOnlyList<string> Servers) Span();
}
