namespace Landrush.Core.Dataset;

/// <summary>A dataset read into memory: its declaration and its rows in file order.</summary>
public sealed record RegistryDataset(RegistryDatasetHeader Header, IReadOnlyList<RegistryRecord> Records)
{
    /// <summary>Names of the space that have no row (a partial harvest).</summary>
    public long MissingCount => Header.Space.Count - Records.Count;
}
