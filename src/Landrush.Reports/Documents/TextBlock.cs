namespace Landrush.Reports.Documents;

/// <summary>A paragraph; <see cref="Style"/> says whether it is the headline, a note of what is absent, or plain.</summary>
internal sealed record TextBlock(string Text, TextStyle Style = TextStyle.Plain) : DocumentBlock;
