using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Dns;

namespace Landrush.Harvest.Store;

/// <summary>
/// Joins the stores of several shards (or several runs) of one harvest into a new store: every name with its
/// state, every raw reply (the evidence) and every record. The inputs must be the same harvest (space, TLD,
/// source, verify sample, seed; shards and servers may differ). A name held by several inputs must agree: the
/// same DNS outcome wherever DNS gave one (an unknown outcome agrees with anything) and the same facts wherever
/// WHOIS gave a record; the better-informed copy wins. A disagreement is refused before anything is written.
/// Each input's verify sample stays a stratum of its own (<see cref="VerifyStratum"/>): shards draw their samples
/// at different rates (sizes differ, <c>--verify-absent</c> may too), so the merged samples are not one simple random
/// sample. The same draw held twice counts once; a stratum overlapping a wider one kept already (a shard merged with
/// the whole harvest) is set aside: its names stay answered, outside the estimate.
/// Works through <see cref="IHarvestStore"/> only, so stores of any kind merge.
/// </summary>
public static class HarvestMerge
{
    /// <summary>Names imported per transaction.</summary>
    private const int Batch = 2000;

    /// <summary>
    /// Merges <paramref name="inputs"/> (each with the label used in messages, e.g. its path) into
    /// <paramref name="output"/>, which must be a new, empty store.
    /// </summary>
    /// <exception cref="UserInputException">An input has no harvest, the inputs are different harvests, or a name's copies disagree (the message names it).</exception>
    public static HarvestMergeResult Merge(IReadOnlyList<(string Label, IHarvestStore Store)> inputs, IHarvestStore output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        if (inputs.Count == 0)
        {
            throw new UserInputException("nothing to merge: give the stores to join");
        }

        if (output.Plan is not null)
        {
            throw new InvalidOperationException("the merged store must be new");
        }

        var plan = MergedPlan(inputs);
        var states = inputs.Select(i => i.Store.States()).ToArray();
        var records = inputs.Select(i => i.Store.Records()).ToArray();

        // First every decision (cheap, in memory), so that a disagreement leaves the output untouched.
        var chosen = new List<Choice>();
        long overlaps = 0;
        foreach (var index in states.SelectMany(s => s.Keys).Distinct().Order())
        {
            var holders = Enumerable.Range(0, inputs.Count).Where(k => states[k].ContainsKey(index)).ToArray();
            overlaps += holders.Length > 1 ? 1 : 0;
            chosen.Add(Decide(index, holders, inputs, states, records));
        }

        output.Begin(plan);
        long replies = 0;
        var batch = new List<ImportedName>(Batch);
        foreach (var choice in chosen)
        {
            batch.Add(Gather(choice, inputs, states, records, ref replies));
            if (batch.Count == Batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                output.Import(batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            output.Import(batch);
        }

        // The registry's own replies (about no name) carry over, as every reply does: a store that learnt its source is
        // synthetic from its DNS server alone stays labelled so when merged. One store given twice counts once.
        foreach (var notice in inputs.SelectMany(i => i.Store.Replies(plan.Tld)).Where(r => r.Index < 0)
                     .DistinctBy(r => (r.Server, r.At, r.Class, r.Notice, Convert.ToBase64String(r.Raw.Span))))
        {
            output.SaveNotice(notice);
        }

        var (strata, setAside) = MergedStrata(inputs.Select(i => i.Store.Strata()));
        foreach (var stratum in strata)
        {
            output.MarkVerify(stratum);
        }

        return new HarvestMergeResult(chosen.Count, replies, overlaps, plan.Shard, strata.Count, setAside);
    }

    /// <summary>
    /// The strata of the merged sample: disjoint slices, widest first (then by start), each draw once. A stratum that
    /// overlaps one kept already is set aside (counted): two samples of one slice are not one stratum.
    /// </summary>
    private static (List<VerifyStratum> Kept, int SetAside) MergedStrata(IEnumerable<IReadOnlyList<VerifyStratum>> inputs)
    {
        var distinct = new List<VerifyStratum>();
        foreach (var s in inputs.SelectMany(s => s))
        {
            if (!distinct.Any(d => d.SameDraw(s)))
            {
                distinct.Add(s);
            }
        }

        var kept = new List<VerifyStratum>();
        foreach (var s in distinct.OrderByDescending(s => s.End - s.Start).ThenBy(s => s.Start))
        {
            if (!kept.Any(k => k.Overlaps(s)))
            {
                kept.Add(s);
            }
        }

        return ([.. kept.OrderBy(s => s.Start)], distinct.Count - kept.Count);
    }

    /// <summary>The plan of the merged store: the inputs' common harvest, their shards joined, their servers listed.</summary>
    private static HarvestPlan MergedPlan(IReadOnlyList<(string Label, IHarvestStore Store)> inputs)
    {
        var plans = inputs.Select(i => i.Store.Plan ?? throw new UserInputException($"{i.Label}: no harvest in this store")).ToArray();
        var first = plans[0];
        for (var k = 1; k < plans.Length; k++)
        {
            // The sample's size may differ by shard (each shard's sample is its own stratum); the seed may not.
            if ((plans[k] with { Shard = first.Shard, VerifyAbsent = first.VerifyAbsent }).DifferenceFrom(first) is { } why)
            {
                throw new UserInputException($"{inputs[k].Label} is another harvest than {inputs[0].Label} ({why}): only shards of one harvest merge");
            }
        }

        var count = NameSpace.Parse(first.Space).Count;
        var ranges = plans.Select(p => Shard.Parse(p.Shard).RangeIn(count)).OrderBy(r => r.Start).ToList();
        long covered = 0;
        foreach (var (start, end) in ranges)
        {
            covered = start <= covered ? Math.Max(covered, end) : covered;
        }

        var shard = covered >= count ? Shard.All.ToString()
            : string.Join('+', plans.Select(p => p.Shard).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        static string Union(IEnumerable<string> lists) =>
            string.Join(',', lists.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal));
        // Shards that drew samples of different sizes: the merged store's sample is their sum over the shards (resume it with that).
        var verify = plans.All(p => p.VerifyAbsent == first.VerifyAbsent) ? first.VerifyAbsent
            : (int)Math.Min(int.MaxValue, plans.DistinctBy(p => p.Shard).Sum(p => (long)p.VerifyAbsent));
        return first with
        {
            Shard = shard,
            VerifyAbsent = verify,
            DnsServers = Union(plans.Select(p => p.DnsServers)),
            WhoisServer = Union(plans.Select(p => p.WhoisServer)),
        };
    }

    private sealed record Choice(long Index, int[] Holders, int? DnsFrom, int? RecordFrom, NameState State);

    private static Choice Decide(
        long index, int[] holders, IReadOnlyList<(string Label, IHarvestStore Store)> inputs,
        IReadOnlyDictionary<long, NameState>[] states, IReadOnlyDictionary<long, RegistryRecord>[] records)
    {
        var first = states[holders[0]][index];
        int? recordFrom = null;
        foreach (var k in holders)
        {
            var s = states[k][index];
            if (s.Name != first.Name)
            {
                throw new UserInputException($"index {index} is {first.Name} in {inputs[holders[0]].Label} but {s.Name} in {inputs[k].Label}; nothing written");
            }

            if (records[k].TryGetValue(index, out var r))
            {
                if (recordFrom is { } m && Difference(records[m][index], r) is { } field)
                {
                    throw new UserInputException(
                        $"{first.Name}: the stores disagree on its {field.Name}: {inputs[m].Label} has '{field.Mine}', {inputs[k].Label} has '{field.Theirs}'; nothing written");
                }

                recordFrom ??= k;
            }
        }

        // DNS: a definite outcome (delegated, absent) beats unknown, which beats none; two definite ones must agree.
        var definite = holders.Where(k => states[k][index].Dns is DnsOutcome.Delegated or DnsOutcome.Absent).ToList();
        if (definite.FirstOrDefault(k => states[k][index].Dns != states[definite[0]][index].Dns, -1) is var other and >= 0)
        {
            throw new UserInputException($"{first.Name}: DNS said {Word(states[definite[0]][index].Dns)} in {inputs[definite[0]].Label} " +
                                         $"but {Word(states[other][index].Dns)} in {inputs[other].Label}; nothing written");
        }

        int? dnsFrom = definite.Count > 0 ? definite[0] : holders.Where(k => states[k][index].Dns is not null).Select(k => (int?)k).FirstOrDefault();

        var failed = holders.Select(k => states[k][index]).FirstOrDefault(s => s.Whois == WhoisState.Failed);
        var state = new NameState(
            index, first.Name, dnsFrom is { } f ? states[f][index].Dns : null, dnsFrom is { } g ? states[g][index].DnsReplyId : null,
            holders.Any(k => states[k][index].Verify),
            recordFrom is not null ? WhoisState.Answered : failed is not null ? WhoisState.Failed : WhoisState.Pending,
            recordFrom is null ? failed?.Reason : null);
        return new Choice(index, holders, dnsFrom, recordFrom, state);
    }

    /// <summary>The name's replies from every input that holds it, under ids unique within the name, duplicates once.</summary>
    private static ImportedName Gather(
        Choice choice, IReadOnlyList<(string Label, IHarvestStore Store)> inputs,
        IReadOnlyDictionary<long, NameState>[] states, IReadOnlyDictionary<long, RegistryRecord>[] records, ref long count)
    {
        var replies = new List<StoredReply>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var ids = new Dictionary<(int Input, long Id), long>();
        foreach (var k in choice.Holders)
        {
            foreach (var r in inputs[k].Store.Replies(choice.State.Name).OrderBy(r => r.At).ThenBy(r => r.Id))
            {
                // The same reply in two inputs (a store given twice, a copied shard) is one piece of evidence.
                var key = $"{r.Source}\n{r.Server}\n{r.At.UtcTicks}\n{r.Class}\n{r.Notice}\n{Convert.ToBase64String(r.Raw.Span)}";
                if (!seen.TryGetValue(key, out var id))
                {
                    id = replies.Count + 1;
                    seen.Add(key, id);
                    replies.Add(r with { Id = id });
                }

                ids[(k, r.Id)] = id;
            }
        }

        long? Map(int? input, long? old) => input is { } k && old is { } o
            ? ids.TryGetValue((k, o), out var id) ? id : throw new InvalidOperationException($"{choice.State.Name}: reply {o} of {inputs[k].Label} is missing")
            : null;

        var state = choice.State with { DnsReplyId = Map(choice.DnsFrom, choice.State.DnsReplyId) };
        RegistryRecord? record = null;
        if (choice.RecordFrom is { } from)
        {
            var r = records[from][choice.Index];
            record = r with { RawRef = Map(from, RawRef.IdOf(r.RawRef)) is { } id ? new RawRef(r.Name.ToString(), id).ToString() : null };
        }

        count += replies.Count;
        replies.Sort((a, b) => a.At.CompareTo(b.At));
        return new ImportedName(state, replies, record);
    }

    private static int Rank(DnsOutcome d) => d == DnsOutcome.Unknown ? 1 : 2;

    private static string Word(DnsOutcome? d) => d?.ToString().ToLowerInvariant() ?? "nothing";

    /// <summary>The first fact two records of one name disagree on, or null (when and where they were fetched may differ).</summary>
    private static (string Name, string Mine, string Theirs)? Difference(RegistryRecord a, RegistryRecord b)
    {
        (string, string?, string?)[] fields =
        [
            ("status", RegistryCsv.StatusText(a.Status), RegistryCsv.StatusText(b.Status)),
            ("registrar", a.Registrar, b.Registrar),
            ("registrant handle", a.RegistrantHandle, b.RegistrantHandle),
            ("registrant", a.RegistrantName, b.RegistrantName),
            ("admin handle", a.AdminHandle, b.AdminHandle),
            ("name servers", string.Join(';', a.NameServerList), string.Join(';', b.NameServerList)),
            ("creation date", a.Created?.ToString("yyyy-MM-dd", null), b.Created?.ToString("yyyy-MM-dd", null)),
            ("update date", a.Updated?.ToString("yyyy-MM-dd", null), b.Updated?.ToString("yyyy-MM-dd", null)),
            ("source", RegistryCsv.SourceText(a.Source), RegistryCsv.SourceText(b.Source)),
        ];
        foreach (var (name, x, y) in fields)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                return (name, Printable.Escape(x ?? ""), Printable.Escape(y ?? ""));
            }
        }

        return null;
    }
}
