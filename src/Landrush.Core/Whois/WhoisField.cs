namespace Landrush.Core.Whois;

/// <summary>
/// A labelled field the reader does not interpret (an unknown block, <c>Domicile:</c>, a value that did not
/// parse): kept so that nothing shown by the registry is silently lost.
/// </summary>
/// <param name="Label">The label as shown, without the colon.</param>
/// <param name="Values">The value on the label's line (if any) followed by the block's lines.</param>
public sealed record WhoisField(string Label, IReadOnlyList<string> Values);
