using System.Globalization;
using Landrush.Analysis.Indicators;

namespace Landrush.Reports.Text;

/// <summary>
/// Which profile the analysis used and what it brought (area codes among the attractive names, the block the range
/// indicator measures), said once for the text, the JSON and the report: a profile changes the indicators, so the
/// reader must see which one was applied and why.
/// </summary>
public static class ProfileWords
{
    /// <param name="profile">The profile used, or null for none.</param>
    /// <param name="asked">What <c>--profile</c> said: <c>auto</c>, <c>none</c> or a name.</param>
    /// <param name="areaCodes">How many area codes the profile adds to the attractive names.</param>
    /// <param name="block">The block the range indicator measures (the profile's or <c>--block</c>), or null for none.</param>
    public static string Sentence(string? profile, string asked, int areaCodes, NumericBlock? block)
    {
        var how = asked == "auto" ? "chosen from the dataset's provenance or TLD" : $"--profile {asked}";
        var what = profile is null
            ? $"No profile ({how}): no area codes count among the attractive names"
            : string.Create(CultureInfo.InvariantCulture, $"Profile {profile} ({how}): its {areaCodes:N0} area codes count among the attractive names");
        var range = block is null
            ? "no block indicator (give --block LOW-HIGH for one)"
            : string.Create(CultureInfo.InvariantCulture, $"the block indicator measures {block.Low}–{block.High}");
        return $"{what}; {range}.";
    }
}
