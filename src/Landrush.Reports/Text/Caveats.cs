namespace Landrush.Reports.Text;

/// <summary>What concentration alone can and cannot show, in the one wording every output uses.</summary>
public static class Caveats
{
    /// <summary>The claim every output makes where it shows concentration without a fair reference.</summary>
    public const string ProvesNothing = "Concentration alone proves nothing";

    /// <summary>Said with every result of <c>analyze</c> (text and JSON).</summary>
    public const string Concentration =
        ProvesNothing + ": a fair first-come-first-served race concentrates too, and parties that alone wanted whole " +
        "ranges hold them fairly. Whether the top parties won more than demand explains is the verdict's question, not these figures'.";
}
