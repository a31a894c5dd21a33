namespace Landrush.Cli.Tests;

/// <summary>
/// <c>--profile</c>: the dataset's profile (provenance, then TLD) gives the indicators their block and area codes and
/// <c>reproduce</c> its published figures; <c>none</c> takes them away, a name gives them to any dataset.
/// </summary>
public class ProfileOptionTests
{
    private static string Dataset(string tld, string provenance = "")
    {
        var text = new System.Text.StringBuilder(
            $"#landrush-dataset v1 space=digits:1-2 tld={tld}{provenance}\n" +
            "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n");
        for (var n = 0; n < 40; n++)
        {
            var label = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append($"{label}.{tld},{label.Length},active,R1,{(n < 20 ? "A" : $"P{n % 7}")},,,,2008-02-28,,dns,,\n");
        }

        return text.ToString();
    }

    private static async Task<string> Analyze(string data, params string[] more)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(["analyze", "--data", data, "--sims", "100", .. more]);
        Assert.True(code == 0, stderr);
        return stdout;
    }

    [Fact]
    public async Task The_output_says_which_profile_was_used_and_what_it_brought()
    {
        var nl = await TestData.WriteTemp(Dataset("nl"));
        var com = await TestData.WriteTemp(Dataset("com"));
        try
        {
            Assert.Contains("Profile nl-2008 (chosen from the dataset's provenance or TLD): its ", await Analyze(nl), StringComparison.Ordinal);
            Assert.Contains("No profile (chosen from the dataset's provenance or TLD): no area codes count among the attractive names; no block indicator", await Analyze(com), StringComparison.Ordinal);
            var json = await Analyze(com, "--profile", "nl-2008", "--block", "10-20", "--json");
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var said = doc.RootElement.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.Contains(said, a => a!.StartsWith("Profile nl-2008 (--profile nl-2008): its ", StringComparison.Ordinal) && a.EndsWith("the block indicator measures 10–20.", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(nl);
            File.Delete(com);
        }
    }

    [Fact]
    public async Task The_block_indicator_follows_the_profile_not_the_tld()
    {
        var nl = await TestData.WriteTemp(Dataset("nl"));
        var com = await TestData.WriteTemp(Dataset("com"));
        var named = await TestData.WriteTemp(Dataset("com", " provenance=synthetic-reconstruction:profile=nl-2008:seed=1"));
        try
        {
            Assert.Contains("[range.block_share:0-2100]", await Analyze(nl), StringComparison.Ordinal);
            Assert.DoesNotContain("range.block_share", await Analyze(nl, "--profile", "none"), StringComparison.Ordinal);
            Assert.DoesNotContain("range.block_share", await Analyze(com), StringComparison.Ordinal);
            Assert.Contains("[range.block_share:0-2100]", await Analyze(com, "--profile", "nl-2008"), StringComparison.Ordinal);
            Assert.Contains("[range.block_share:0-2100]", await Analyze(named), StringComparison.Ordinal);
            Assert.Contains("[range.block_share:10-20]", await Analyze(com, "--block", "10-20"), StringComparison.Ordinal);
            Assert.Contains("[range.block_share:10-20]", await Analyze(nl, "--block", "10-20"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(nl);
            File.Delete(com);
            File.Delete(named);
        }
    }

    [Fact]
    public async Task Reproduce_needs_a_profile_with_published_figures()
    {
        var com = await TestData.WriteTemp(Dataset("com"));
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", com);
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.StartsWith("landrush: error: no profile with published figures applies to this dataset (.com", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd().Split('\n'));
            (code, stdout, stderr) = await CliRunner.RunAsync("reproduce", "--data", com, "--profile", "nl-2008");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("NOT COMPARABLE with the blog's figures", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(com);
        }
    }

    [Fact]
    public async Task An_unknown_profile_is_one_line_and_exit_code_2()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("analyze", "--data", TestData.Reconstruction.Value, "--profile", "nl-2009");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal("landrush: error: unknown profile 'nl-2009': known profiles are nl-2008 (or auto, none)", stderr.TrimEnd());
    }
}
