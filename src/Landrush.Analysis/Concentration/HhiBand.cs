namespace Landrush.Analysis.Concentration;

/// <summary>Market-concentration bands of the 2023 US Merger Guidelines (§2.1), by HHI on the 0–10,000 scale.</summary>
public enum HhiBand
{
    /// <summary>HHI ≤ 1,000.</summary>
    Unconcentrated = 0,

    /// <summary>1,000 &lt; HHI ≤ 1,800.</summary>
    ModeratelyConcentrated,

    /// <summary>HHI &gt; 1,800.</summary>
    HighlyConcentrated,
}
