using Landrush.Core.Dataset;

namespace Landrush.Simulator.Tests;

/// <summary>Datasets the tests serve: a small hand-written one and the committed (synthetic) reconstruction.</summary>
internal static class TestData
{
    public const string SmallName = "small-test.csv";

    /// <summary>
    /// Every status, glue (name servers under their own name), a name with enough name servers that its
    /// referral exceeds 512 bytes, and a name server under a free name (no glue).
    /// </summary>
    public const string SmallCsv = """
        #landrush-dataset v1 space=digits:4 tld=nl provenance=synthetic-test
        name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref
        1234.nl,4,active,Registrar 01 (synthetic),ABC001234-XYZAB,Registrant 001 (synthetic),DEF000001-XYZAB,ns1.hosting.example;ns2.hosting.example,2008-02-28,2008-02-28,reconstruction,,
        4821.nl,4,active,Registrar 02 (synthetic),GHI004821-QWERT,Zwaluw Müller B.V. (synthetic),JKL000002-QWERT,ns1.4821.nl;ns2.4821.nl;ns3.9998.nl,2008-02-29,2008-03-14,reconstruction,,
        0417.nl,4,inactive,Registrar 03 (synthetic),,,,,2008-02-28,2010-05-01,reconstruction,,
        5550.nl,4,quarantine,Registrar 04 (synthetic),,,,,2008-02-28,2013-05-12,reconstruction,,
        9998.nl,4,free,,,,,,,,reconstruction,,
        9999.nl,4,active,Registrar 05 (synthetic),MNO009999-ASDFG,Registrant 005 (synthetic),PQR000005-ASDFG,{MANY},2008-02-28,2008-02-28,reconstruction,,
        """;

    public static readonly string[] ManyNameServers =
        [.. Enumerable.Range(10, 30).Select(i => $"ns{i}.a-rather-long-name-server-host-name.example").Order(StringComparer.Ordinal)];

    private static readonly Lazy<RegistryDataset> LazySmall = new(() =>
        RegistryCsv.Read(new StringReader(SmallCsv.Replace("{MANY}", string.Join(';', ManyNameServers), StringComparison.Ordinal) + "\n"), SmallName));

    private static readonly Lazy<RegistryDataset> LazyReconstruction = new(() =>
    {
        using var stream = File.OpenRead(ReconstructionPath);
        return RegistryCsv.Read(stream, ReconstructionPath);
    });

    public static RegistryDataset Small => LazySmall.Value;

    public static RegistryDataset Reconstruction => LazyReconstruction.Value;

    public static string ReconstructionPath => Path.Combine(RepositoryRoot, "data", "nl-2008-reconstruction.csv");

    public static string RepositoryRoot => RepositoryFiles.Root;

    public static RegistrySimulatorOptions Options(RegistryDataset? dataset = null) => new()
    {
        Dataset = dataset ?? Small,
        DatasetName = dataset is null ? SmallName : "nl-2008-reconstruction.csv",
    };

}
