namespace Landrush.Core.Whois;

/// <summary>One labelled field of a WHOIS reply: <c>Label: inline</c> and the value lines under it.</summary>
internal sealed record LabelledBlock(LabelKind Kind, string Label, int Indent, string Inline, List<string> Values)
{
    /// <summary>The inline value, or else the first value line.</summary>
    public string? FirstValue => Inline.Length > 0 ? Inline : Values.FirstOrDefault();

    /// <summary>The inline value (when there is one) and then every value line.</summary>
    public List<string> AllValues()
    {
        var all = new List<string>(Values.Count + 1);
        if (Inline.Length > 0)
        {
            all.Add(Inline);
        }

        all.AddRange(Values);
        return all;
    }
}
