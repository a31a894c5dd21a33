namespace Landrush.Core.Whois;

/// <summary>The <c>Abuse Contact:</c> block of current replies. Either part may be missing (the block may be empty).</summary>
public sealed record AbuseContact(string? Phone, string? Email);
