namespace Landrush.Core.Dataset;

/// <summary>A dataset read into memory: its declaration and its rows in file order.</summary>
public sealed record RegistryDataset(RegistryDatasetHeader Header, IReadOnlyList<RegistryRecord> Records)
{
    /// <summary>Names of the space that have no row (a partial harvest).</summary>
    public long MissingCount => Header.Space.Count - Records.Count;

    /// <summary>Synthetic data: declared so by its provenance, or holding rows a reconstruction made, whatever the declaration says.</summary>
    public bool IsSynthetic => Header.IsSynthetic || Records.Any(r => r.Source == RecordSource.Reconstruction);

    /// <summary>Why <see cref="IsSynthetic"/> holds, for a label: the synthetic provenance, or the rows' source beside the declared provenance.</summary>
    public string SyntheticBecause => Header.IsSynthetic
        ? Header.Provenance!
        : $"rows from a reconstruction, though the declared provenance is {Header.Provenance ?? "none"}";
}
