using System.Net;

namespace Landrush.Core.Whois;

/// <summary>A name server line: the host (lower case) and any glue addresses shown after it.</summary>
public sealed record NameServer(string Host, IReadOnlyList<IPAddress> Addresses)
{
    public override string ToString() =>
        Addresses.Count == 0 ? Host : $"{Host} ({string.Join(", ", Addresses)})";
}
