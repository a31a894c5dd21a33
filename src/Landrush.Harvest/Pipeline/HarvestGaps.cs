using System.Globalization;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Pipeline;

/// <summary>
/// What a harvest store still lacks, stage by stage: names of its shard the DNS sweep has not answered (they have no row
/// yet), names that still need a WHOIS or RDAP answer (delegated, unknown or sampled: their rows say only what DNS saw),
/// and a verify sample not drawn yet. A harvest stopped part-way, or still running, exports with these said.
/// </summary>
/// <param name="ShardNames">Names of the store's shard.</param>
/// <param name="Unswept">Names of the shard without a DNS outcome.</param>
/// <param name="Unanswered">Names that need a WHOIS or RDAP fact and have none (failed ones included).</param>
/// <param name="SampleMissing">True when the plan asks for a verify sample that was not drawn yet.</param>
/// <param name="Source"><c>whois</c> or <c>rdap</c>.</param>
public sealed record HarvestGaps(long ShardNames, long Unswept, long Unanswered, bool SampleMissing, string Source)
{
    /// <summary>True when every stage is done for every name.</summary>
    public bool IsComplete => Unswept == 0 && Unanswered == 0 && !SampleMissing;

    /// <summary>What the store lacks now.</summary>
    public static HarvestGaps Of(IHarvestStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = store.Plan ?? throw new Core.UserInputException("the store has no harvest in it yet");
        var (start, end) = Shard.Parse(plan.Shard).RangeIn(NameSpace.Parse(plan.Space).Count);
        var states = store.States();
        var swept = states.Values.LongCount(s => s.Dns is not null && s.Index >= start && s.Index < end);
        var unanswered = states.Values.LongCount(s => s.NeedsWhois);
        var sampleMissing = plan.VerifyAbsent > 0 && store.Strata().Count == 0;
        return new HarvestGaps(end - start, end - start - swept, unanswered, sampleMissing, plan.Source);
    }

    /// <summary>The provenance's part, one word: <c>:incomplete:unswept=N:unanswered=M[:sample=none]</c>; empty when complete.</summary>
    public string ProvenanceWord() => IsComplete ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $":incomplete:unswept={Unswept}:unanswered={Unanswered}{(SampleMissing ? ":sample=none" : "")}");

    /// <summary>One line for a person: which stages are not done, for how many names, and how to finish.</summary>
    public string Describe()
    {
        if (IsComplete)
        {
            return "complete: every name of the shard has its DNS outcome and every name that needed one its " + SourceName + " answer";
        }

        var parts = new List<string>();
        if (Unswept > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Unswept:N0} of the shard's {ShardNames:N0} names not swept by DNS (no row)"));
        }

        if (Unanswered > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Unanswered:N0} names without a {SourceName} answer (their rows say only what DNS saw)"));
        }

        if (SampleMissing)
        {
            parts.Add("the verify sample of DNS-absent names not drawn yet");
        }

        return $"incomplete harvest: {string.Join("; ", parts)}; run the same harvest command again to complete it";
    }

    private string SourceName => Source == "rdap" ? "RDAP" : "WHOIS";
}
