namespace Landrush.Profiles.Nl2008;

/// <summary>
/// Dutch geographic telephone area codes ("netnummers") with their leading 0, as in use around 2008: the
/// 3-digit codes of the larger cities (020 Amsterdam, 010 Rotterdam, 070 The Hague, …) and 4-digit regional
/// codes (0111 Zierikzee, 0118 Middelburg, …). Written from general knowledge for the synthetic demand
/// model, not from an official numbering plan, and not claimed complete; a participant that "wants all area
/// codes" wants this list. Knowledge of the nl-2008 profile, so it lives here and reaches the generic demand
/// model only through <see cref="Core.Model.Demand.NameAttractiveness"/>'s constructor.
/// </summary>
public static class DutchAreaCodes
{
    private static readonly string[] Codes =
    [
        // 3-digit codes.
        "010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038", "040", "043",
        "045", "046", "050", "053", "055", "058", "070", "071", "072", "073", "074", "075", "076", "077",
        "078", "079",
        // 4-digit codes.
        "0111", "0113", "0114", "0115", "0117", "0118", "0161", "0162", "0164", "0165", "0166", "0167",
        "0168", "0172", "0174", "0180", "0181", "0182", "0183", "0184", "0186", "0187", "0222", "0223",
        "0224", "0226", "0227", "0228", "0229", "0251", "0252", "0255", "0294", "0297", "0299", "0313",
        "0314", "0315", "0316", "0317", "0318", "0320", "0321", "0341", "0342", "0343", "0344", "0345",
        "0346", "0347", "0348", "0411", "0412", "0413", "0416", "0418", "0475", "0478", "0481", "0485",
        "0486", "0487", "0488", "0492", "0493", "0495", "0497", "0499", "0511", "0512", "0513", "0514",
        "0515", "0516", "0517", "0518", "0519", "0521", "0522", "0523", "0524", "0525", "0527", "0528",
        "0529", "0541", "0543", "0544", "0545", "0546", "0547", "0548", "0561", "0562", "0566", "0570",
        "0571", "0572", "0573", "0575", "0577", "0578", "0591", "0592", "0593", "0594", "0595", "0596",
        "0597", "0598", "0599",
    ];

    private static readonly HashSet<string> Set = new(Codes, StringComparer.Ordinal);

    /// <summary>The codes, 3-digit ones first, each ascending.</summary>
    public static IReadOnlyList<string> All => Codes;

    public static bool Contains(ReadOnlySpan<char> label) => Set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(label);
}
