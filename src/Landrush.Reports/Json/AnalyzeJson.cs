using System.Text.Json.Serialization;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Parties;
using Landrush.Reports.Text;

namespace Landrush.Reports.Json;

/// <summary>The one JSON object <c>landrush analyze --json</c> prints (<see cref="JsonOutput"/> writes it).</summary>
public sealed record AnalyzeJson
{
    public required string Dataset { get; init; }

    public required bool Synthetic { get; init; }

    public required string? Provenance { get; init; }

    public required string Space { get; init; }

    public required string Tld { get; init; }

    /// <summary>Names in the space.</summary>
    public required long Names { get; init; }

    public required int Rows { get; init; }

    public required long Missing { get; init; }

    public required int Unknown { get; init; }

    /// <summary>Registered names, those with an unknown holder included (one count everywhere).</summary>
    public required int Registered { get; init; }

    public required int RegisteredHolderUnknown { get; init; }

    /// <summary>Registered names whose holder shows: every figure by party is over these.</summary>
    public required int RegisteredHolderKnown { get; init; }

    /// <summary>Parties holding a name.</summary>
    public required int Participants { get; init; }

    public required int? ParticipantsGiven { get; init; }

    public required PartyKey PartyKey { get; init; }

    public required int SharedHostingThreshold { get; init; }

    public required int Top2 { get; init; }

    public required double? Top2Share { get; init; }

    public required double? Cr1 { get; init; }

    public required double? Cr2 { get; init; }

    public required IReadOnlyList<double> Cr { get; init; }

    public required double? Hhi { get; init; }

    public required HhiBand? HhiBand { get; init; }

    public required double? HhiNormalized { get; init; }

    public required double? HhiEquivalent { get; init; }

    public required double? Gini { get; init; }

    public required double? GiniAll { get; init; }

    public required double? Theil { get; init; }

    /// <summary>
    /// <c>theil_all</c> and <c>hhi_normalized_all</c>: keys only when the participants were given (<c>--participants</c>),
    /// null inside when undefined; without them there are no such keys (extension data writes a key only when present).
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, object?>? OverAllParticipants { get; init; }

    /// <summary>Figure → why it is null, by figure name.</summary>
    public required IReadOnlyDictionary<string, string> Undefined { get; init; }

    public required IReadOnlyList<PartyJson> Parties { get; init; }

    public required int SharedHostingSets { get; init; }

    public required int HiddenRegistrantNames { get; init; }

    public required IReadOnlyList<RegistrarFrontJson> RegistrarFronts { get; init; }

    public required IReadOnlyList<IndicatorJson> Indicators { get; init; }

    public required IReadOnlyDictionary<NullModelKind, NullModelJson> NullModels { get; init; }

    public required IReadOnlyList<CapacityJson> ImpliedCapacity { get; init; }

    public required VerdictJson Verdict { get; init; }

    public required IReadOnlyList<SensitivityJson> Sensitivity { get; init; }

    public required IReadOnlyList<SpanJson> Spans { get; init; }

    public string Caveat { get; init; } = Caveats.Concentration;

    public required IReadOnlyList<string> Assumptions { get; init; }

    public required long Seed { get; init; }

    public required int Sims { get; init; }

    public required double ExcessThreshold { get; init; }

    /// <summary>The JSON object of a run.</summary>
    public static AnalyzeJson From(AnalyzeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var resolved = result.Resolved;
        var c = result.Concentration;
        var audit = resolved.Audit;
        var verdict = result.Verdict;
        return new AnalyzeJson
        {
            Dataset = result.DataPath,
            Synthetic = resolved.Synthetic,
            Provenance = result.Header.Provenance,
            Space = result.Header.Space.Spec,
            Tld = result.Header.Tld,
            Names = result.Header.Space.Count,
            Rows = result.Rows,
            Missing = resolved.Missing,
            Unknown = resolved.Unknown,
            Registered = c.Registered + resolved.HolderUnknown,
            RegisteredHolderUnknown = resolved.HolderUnknown,
            RegisteredHolderKnown = c.Registered,
            Participants = c.PartiesHolding,
            ParticipantsGiven = c.Participants,
            PartyKey = result.Parties.Key,
            SharedHostingThreshold = result.Parties.SharedHostingThreshold,
            Top2 = c.Top2,
            Top2Share = c.Registered == 0 ? null : JsonOutput.Finite((double)c.Top2 / c.Registered),
            Cr1 = JsonOutput.Finite(c.Cr1),
            Cr2 = JsonOutput.Finite(c.Cr2),
            Cr = c.Cr,
            Hhi = JsonOutput.Finite(c.Hhi),
            HhiBand = c.Band,
            HhiNormalized = JsonOutput.Finite(c.HhiNormalized),
            HhiEquivalent = JsonOutput.Finite(c.NumbersEquivalent),
            Gini = JsonOutput.Finite(c.Gini),
            GiniAll = JsonOutput.Finite(c.GiniAll),
            Theil = JsonOutput.Finite(c.Theil),
            OverAllParticipants = c.Participants is null ? null : new()
            {
                ["theil_all"] = JsonOutput.Finite(c.TheilAll),
                ["hhi_normalized_all"] = JsonOutput.Finite(c.HhiNormalizedAll),
            },
            Undefined = new SortedDictionary<string, string>(c.Undefined.ToDictionary(), StringComparer.Ordinal),
            Parties = [.. audit.Parties.Take(AnalyzeResult.ListedParties).Select(p => PartyJson.From(p, c.Registered))],
            SharedHostingSets = audit.SharedHostingSets.Count,
            HiddenRegistrantNames = audit.HiddenRegistrantNames,
            RegistrarFronts = [.. audit.RegistrarFronts.Select(RegistrarFrontJson.From)],
            Indicators = [.. result.Measures.Indicators.Select(IndicatorJson.From)],
            NullModels = verdict.NullModels.ToDictionary(m => m.Model, NullModelJson.From),
            ImpliedCapacity = [.. verdict.ImpliedCapacities.Select(CapacityJson.From)],
            Verdict = VerdictJson.From(verdict, resolved.HolderUnknown),
            Sensitivity = [.. verdict.Sensitivity.Select(SensitivityJson.From)],
            Spans = [.. verdict.Spans.Select(s => SpanJson.From(s, resolved.Allocation.PartyLabels))],
            Assumptions = AnalyzeAssumptions.Of(result),
            Seed = result.Seed,
            Sims = result.Sims,
            ExcessThreshold = result.ExcessThreshold,
        };
    }
}
