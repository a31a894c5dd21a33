namespace Landrush.Core.Whois;

/// <summary>An organisation shown as a block (registrar, reseller, last registrar): a name and address lines.</summary>
/// <param name="Name">First line of the block.</param>
/// <param name="AddressLines">The lines below the name, as shown.</param>
public sealed record WhoisParty(string Name, IReadOnlyList<string> AddressLines);
