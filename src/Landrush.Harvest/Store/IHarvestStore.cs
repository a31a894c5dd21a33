using Landrush.Core.Dataset;

namespace Landrush.Harvest.Store;

/// <summary>
/// Where a harvest keeps its plan, each name's state, every raw reply (the evidence) and each parsed
/// record. Every write is atomic: after a crash at any moment the store holds whole answers only, and
/// a name whose answer was stored is never asked again. The pipeline knows only this interface; the SQLite
/// store implements it, and a shared store (PostgreSQL, for harvests across machines) can implement it and
/// pass the same tests (<c>HarvestStoreContract</c>).
/// </summary>
public interface IHarvestStore : IDisposable
{
    /// <summary>The plan this store answers, or null for a new store.</summary>
    HarvestPlan? Plan { get; }

    /// <summary>
    /// Records <paramref name="plan"/> in a new store, or checks that an existing store is for the same
    /// plan. A store of another plan is refused with a <see cref="Core.UserInputException"/> that says how it differs.
    /// </summary>
    void Begin(HarvestPlan plan);

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
    /// The verify sample's strata, in the order they were recorded; empty before a sample was drawn. A store
    /// written before strata were kept answers with one stratum: its verify names, drawn over its own shard.
    /// </summary>
    IReadOnlyList<VerifyStratum> Strata();

    /// <summary>
    /// Stores one WHOIS/RDAP exchange, all or none: the raw reply (kept even when it is no fact, e.g. a
    /// throttle), the name's new state, and the parsed record when the reply is a fact. Returns the reply's id.
    /// </summary>
    long SaveWhois(StoredReply reply, WhoisState state, RegistryRecord? record, string? reason);

    /// <summary>
    /// Stores names with their evidence as another store of the same harvest held them (a merge of shards),
    /// all or none: each name's state, its replies under new ids, and its record pointing at its reply's new id.
    /// A name already in this store is replaced.
    /// </summary>
    void Import(IReadOnlyList<ImportedName> batch);

    /// <summary>The parsed records, by index (<see cref="RegistryRecord.RawRef"/> names their reply).</summary>
    IReadOnlyDictionary<long, RegistryRecord> Records();

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
