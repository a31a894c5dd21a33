using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Tests.Parties;

/// <summary>Small hand-made datasets of the space digits:1-2 under .nl.</summary>
internal static class Rows
{
    public static RegistryDatasetHeader Header { get; } = new(NameSpace.Parse("digits:1-2"), "nl");

    public static RegistryRecord Row(string label, string? handle, string? admin = null, string? ns = null, string? name = null,
        string registrar = "R1", DateOnly? created = null) =>
        new(DomainName.Parse($"{label}.nl"), DomainStatus.Active, registrar, handle, name, admin, ns is null ? null : ns.Split(';'), created);

    public static RegistryRecord Free(string label) => new(DomainName.Parse($"{label}.nl"), DomainStatus.Free);
}
