namespace Landrush.Cli.Tests;

/// <summary>Datasets for command tests: the committed reconstruction, and small hand-made ones in temporary files.</summary>
internal static class TestData
{
    public static readonly Lazy<string> Reconstruction = new(() => RepositoryFiles.Path("data/nl-2008-reconstruction.csv"));

    public static string Header(string space) =>
        $"#landrush-dataset v1 space={space} tld=nl\n" +
        "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n";

    public static string Row(string label, string handle) =>
        $"{label}.nl,{label.Length},active,R1,{handle},,,,2008-02-28,,dns,,\n";

    public static async Task<string> WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrush-test-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
