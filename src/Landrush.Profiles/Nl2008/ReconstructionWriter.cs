using System.Globalization;
using Landrush.Core.Dataset;

namespace Landrush.Profiles.Nl2008;

/// <summary>
/// Writes a reconstruction as three texts: the registry dataset (<see cref="RegistryCsv"/>), the handle
/// truth (<c>registrant_handle,party</c>) and the party truth (one row per party, columns as in
/// <see cref="PartyTruth"/>). Both truth files start with a <c>#landrush-truth</c> line naming the profile
/// and seed and saying the data are synthetic. LF line ends, invariant culture: the same reconstruction
/// always gives the same bytes.
/// </summary>
public static class ReconstructionWriter
{
    public const string HandleColumns = "registrant_handle,party";

    public const string PartyColumns =
        "party,role,registrar,capacity,start_time,latency,wish_list_size,simulated_wins,wins,lost_requests,registrant_handles";

    public static void WriteDataset(TextWriter writer, ReconstructedLandrush reconstruction) =>
        RegistryCsv.Write(writer, Header(reconstruction), reconstruction.Records);

    /// <summary>The dataset's declaration: its space, TLD and a provenance that says synthetic.</summary>
    public static RegistryDatasetHeader Header(ReconstructedLandrush reconstruction)
    {
        ArgumentNullException.ThrowIfNull(reconstruction);
        // The declaration line itself says "synthetic", so a copy of the file alone is labelled.
        var provenance = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"synthetic-reconstruction:profile={reconstruction.Profile}:seed={reconstruction.Seed}");
        return new RegistryDatasetHeader(reconstruction.Space, reconstruction.Tld, provenance);
    }

    public static void WriteHandles(TextWriter writer, ReconstructedLandrush reconstruction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reconstruction);
        WriteBanner(writer, reconstruction, "party of each registrant handle");
        writer.Write(HandleColumns + "\n");
        foreach (var h in reconstruction.Handles)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{h.RegistrantHandle},{h.Party}\n"));
        }
    }

    public static void WriteParties(TextWriter writer, ReconstructedLandrush reconstruction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reconstruction);
        WriteBanner(writer, reconstruction, "each party's capacity, start, wish list and outcome");
        writer.Write(PartyColumns + "\n");
        foreach (var p in reconstruction.Parties)
        {
            // Synthetic registrar names contain no comma or quote, so no quoting is needed; checked anyway.
            if (p.Registrar.Contains(',', StringComparison.Ordinal) || p.Registrar.Contains('"', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"registrar name '{p.Registrar}' would need CSV quoting");
            }

            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{p.Party},{RoleText(p.Role)},{p.Registrar},{p.Capacity:R},{p.StartTime:R},{p.Latency:R},{p.WishListSize},{p.SimulatedWins},{p.Wins},{p.LostRequests},{p.RegistrantHandles}\n"));
        }
    }

    /// <summary>A role as the party truth file writes it: lower case (<c>range</c>, <c>ordinary</c>).</summary>
    public static string RoleText(PartyRole role) => role.ToString().ToLowerInvariant();

    private static void WriteBanner(TextWriter writer, ReconstructedLandrush r, string what) =>
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"#landrush-truth v1 profile={r.Profile} seed={r.Seed} synthetic: ground truth ({what}) of a synthetic reconstruction, not registry data\n"));
}
