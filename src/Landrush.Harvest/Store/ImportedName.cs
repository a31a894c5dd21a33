using Landrush.Core.Dataset;

namespace Landrush.Harvest.Store;

/// <summary>
/// One name as another store held it, for <see cref="IHarvestStore.Import"/> (a merge of shard stores): its
/// state, every reply about it (the evidence), and its parsed record. The replies' ids are only labels
/// within this value: <see cref="NameState.DnsReplyId"/> and the record's <see cref="RegistryRecord.RawRef"/>
/// (<c>raw/NAME/ID</c>) name one of them, and the store gives each reply a new id of its own.
/// </summary>
/// <param name="State">The name's state (index, name, DNS outcome, verify, WHOIS state, reason).</param>
/// <param name="Replies">Every reply about the name, oldest first, with ids unique within this value.</param>
/// <param name="Record">The parsed record, or null when no fact is known.</param>
public sealed record ImportedName(NameState State, IReadOnlyList<StoredReply> Replies, RegistryRecord? Record);
