namespace Landrush.Core.Dataset;

/// <summary>The dataset's columns, in file order. Each is documented in <c>data/README.md</c>.</summary>
public static class RegistryColumns
{
    public const string Name = "name";
    public const string Length = "length";
    public const string Status = "status";
    public const string Registrar = "registrar";
    public const string RegistrantHandle = "registrant_handle";
    public const string RegistrantName = "registrant_name";
    public const string AdminHandle = "admin_handle";
    public const string NameServers = "name_servers";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Source = "source";
    public const string FetchedAt = "fetched_at";
    public const string RawRef = "raw_ref";

    /// <summary>Every column in file order; all are required in the header.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Name, Length, Status, Registrar, RegistrantHandle, RegistrantName, AdminHandle, NameServers,
        Created, Updated, Source, FetchedAt, RawRef,
    ];
}
