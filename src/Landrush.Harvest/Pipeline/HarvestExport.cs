using System.Globalization;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Core.Whois;
using Landrush.Harvest.Dns;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// Turns a harvest store into a registry dataset (format v1): one row per name of the plan, in index
/// order. A WHOIS/RDAP fact gives the row; otherwise the DNS sweep's word does (<c>dns</c> source):
/// delegated → active, absent → free, unknown or not swept → unknown. Every row names its evidence
/// (<c>raw_ref</c>). The provenance names the harvest, says synthetic when a reply (WHOIS, RDAP, or the DNS
/// server's at the apex) carried the simulator's synthetic notice, and says incomplete when names have no answer yet.
/// </summary>
public static class HarvestExport
{
    /// <summary>The header and rows of the store's dataset.</summary>
    public static (RegistryDatasetHeader Header, IReadOnlyList<RegistryRecord> Rows) Build(IHarvestStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = store.Plan ?? throw new UserInputException("the store has no harvest in it yet");
        var space = NameSpace.Parse(plan.Space);
        var states = store.States();
        var records = store.Records();
        var rows = new List<RegistryRecord>(states.Count);
        foreach (var (index, state) in states.OrderBy(s => s.Key))
        {
            if (records.TryGetValue(index, out var record))
            {
                rows.Add(record);
                continue;
            }

            var dnsRef = state.DnsReplyId is { } id ? new RawRef(state.Name, id).ToString() : null;
            var fetched = state.DnsReplyId is { } rid ? store.Reply(rid)?.At : null;
            var status = state.Dns switch
            {
                DnsOutcome.Delegated => DomainStatus.Active,
                DnsOutcome.Absent => DomainStatus.Free,
                _ => DomainStatus.Unknown,
            };
            rows.Add(new RegistryRecord(DomainName.Parse(state.Name), status, Source: RecordSource.Dns, FetchedAt: fetched, RawRef: dnsRef));
        }

        return (new RegistryDatasetHeader(space, plan.Tld, Provenance(store, plan)), rows);
    }

    /// <summary>One word: <c>[synthetic-]harvest:source=…:server=…:from=…:to=…[:simulator=DATASET][:incomplete:unswept=N:unanswered=M]</c>.</summary>
    public static string Provenance(IHarvestStore store, HarvestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        var notices = store.Notices().Select(SimulatorNotice.TryFind).OfType<SimulatorNotice>().ToList();
        var synthetic = notices.Any(n => n.Synthetic);
        var (first, last, _) = store.Span();
        static string Day(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) ?? "none";
        var word = $"{(synthetic ? "synthetic-" : "")}harvest:source={plan.Source}:server={plan.WhoisServer}:dns={plan.DnsServers}" +
                   $":shard={plan.Shard}:from={Day(first)}:to={Day(last)}";
        if (notices.Count > 0)
        {
            word += ":simulator=" + string.Join('+', notices.Select(n => n.Dataset).Distinct(StringComparer.Ordinal));
        }

        // A harvest stopped part-way (or still running) says so in the dataset itself, not only on the terminal.
        word += HarvestGaps.Of(store).ProvenanceWord();

        // One word: no white space survives into the declaration line.
        return new string([.. word.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c)]);
    }
}
