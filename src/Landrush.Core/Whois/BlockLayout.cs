namespace Landrush.Core.Whois;

/// <summary>What <see cref="BlockReader"/> found in a reply's lines.</summary>
/// <param name="Fields">The labelled fields of the record, in order (none after the copyright notice).</param>
/// <param name="MessageLines">Lines, at any depth, that are neither a block's value nor a known label's
/// line: where a server's limit or error message stands.</param>
/// <param name="CutOff">Labels with no value of their own followed, after a blank line, by lines indented
/// deeper than them: values cut off from their label (a block that would silently lose its values).</param>
/// <param name="DomainsAfterEnd"><c>Domain name:</c> labels after the copyright notice that closes a
/// record: the start of a second reply.</param>
internal sealed record BlockLayout(List<LabelledBlock> Fields, List<WhoisLine> MessageLines, List<string> CutOff, int DomainsAfterEnd)
{
    public bool HasDomain => Fields.Any(f => f.Kind == LabelKind.Domain);
}
