using System.Globalization;
using Landrush.Core;
using Landrush.Core.Enumeration;

namespace Landrush.Harvest.Store;

/// <summary>A plan as the stores keep it: key–value pairs, the same in SQLite and PostgreSQL.</summary>
internal static class HarvestPlanText
{
    public static IEnumerable<(string Key, string Value)> Pairs(HarvestPlan plan) =>
    [
        ("space", plan.Space), ("tld", plan.Tld), ("shard", plan.Shard), ("source", plan.Source),
        ("verify_absent", plan.VerifyAbsent.ToString(CultureInfo.InvariantCulture)), ("seed", plan.Seed.ToString(CultureInfo.InvariantCulture)),
        ("dns_servers", plan.DnsServers), ("whois_server", plan.WhoisServer),
    ];

    /// <summary>The plan of <paramref name="values"/>, or null when there are none (a new store).</summary>
    public static HarvestPlan? Parse(IReadOnlyDictionary<string, string> values, string location)
    {
        if (values.Count == 0)
        {
            return null;
        }

        string V(string key) => values.TryGetValue(key, out var v) ? v : throw new UserInputException($"{location}: harvest store without '{key}' in its plan");
        return new HarvestPlan(
            V("space"), V("tld"), V("shard"), V("source"), int.Parse(V("verify_absent"), CultureInfo.InvariantCulture),
            long.Parse(V("seed"), CultureInfo.InvariantCulture), V("dns_servers"), V("whois_server"));
    }

    /// <summary>The index range of the plan's shard (a merged plan of several shards, e.g. <c>1/4+3/4</c>: from the first to the last).</summary>
    public static (long Start, long End) Range(HarvestPlan plan)
    {
        var count = NameSpace.Parse(plan.Space).Count;
        var ranges = plan.Shard.Split('+').Select(s => Shard.Parse(s).RangeIn(count)).ToList();
        return (ranges.Min(r => r.Start), ranges.Max(r => r.End));
    }
}
