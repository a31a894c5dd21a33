namespace Landrush.Reports.Documents;

/// <summary>How a paragraph stands out.</summary>
internal enum TextStyle
{
    Plain,

    /// <summary>The verdict's headline: strong.</summary>
    Headline,

    /// <summary>What is absent (boxed in HTML).</summary>
    Absent,
}
