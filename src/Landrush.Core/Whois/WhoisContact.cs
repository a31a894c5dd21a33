namespace Landrush.Core.Whois;

/// <summary>A contact block: an optional handle line (<c>ABC001234-XYZAB</c>), then name and other lines.</summary>
/// <param name="Handle">Contact handle when the block starts with one.</param>
/// <param name="Name">The line after the handle (or the first line when there is no handle).</param>
/// <param name="Lines">The remaining lines (address, phone, e-mail) as shown.</param>
public sealed record WhoisContact(string? Handle, string? Name, IReadOnlyList<string> Lines);
