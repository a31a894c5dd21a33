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

    /// <summary>
    /// A small seeded landrush over <c>digits:4</c> (10,000 names, labelled synthetic): party A holds 1000–1599 and
    /// B 5000–5499 but for every 40th and 25th name, which small parties took first; 30 small parties hold a few
    /// scattered names each. Enough for every figure of a report (the 0000–9999 map needs the whole four-digit
    /// space) in seconds.
    /// </summary>
    public static string SmallLandrush(int seed)
    {
        var random = new Random(seed);
        var holder = new string?[10_000];
        for (var n = 1000; n < 1600; n++)
        {
            holder[n] = n % 40 == 17 ? $"P{n % 30:00}" : "A";
        }

        for (var n = 5000; n < 5500; n++)
        {
            holder[n] = n % 25 == 3 ? $"P{n % 30:00}" : "B";
        }

        for (var p = 0; p < 30; p++)
        {
            for (var k = random.Next(1, 13); k > 0; k--)
            {
                var n = random.Next(10_000);
                holder[n] ??= $"P{p:00}";
            }
        }

        var text = new System.Text.StringBuilder(
            "#landrush-dataset v1 space=digits:4 tld=nl provenance=synthetic-test\n" +
            "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n");
        for (var n = 0; n < holder.Length; n++)
        {
            var label = n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(holder[n] is { } h ? $"{label}.nl,4,active,R1,{h},,,,2008-02-28,,reconstruction,,\n" : $"{label}.nl,4,free,,,,,,,,reconstruction,,\n");
        }

        return text.ToString();
    }

    /// <summary>A new file in the temporary folder holding <paramref name="text"/>; the caller deletes it (in a <c>finally</c>).</summary>
    public static async Task<string> WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrush-test-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
