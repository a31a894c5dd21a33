namespace Landrush.Core.Whois;

/// <summary>One line of a WHOIS reply: its indentation (a tab counts as one step; 0 for a blank line) and
/// its content without the indentation and trailing white space.</summary>
internal readonly record struct WhoisLine(int Indent, string Content)
{
    public bool IsBlank => Content.Length == 0;
}
