using System.Text.Json;
using Landrush.Analysis.Concentration;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Core.Dataset;
using Landrush.Core.Whois;
using Landrush.Reports.Json;

namespace Landrush.Reports.Tests.Json;

public class JsonOutputTests
{
    [Fact]
    public void Every_enum_is_written_as_its_word_in_Words_and_read_back()
    {
        AssertWords<VerdictStatus>(Words.Status);
        AssertWords<HhiBand>(Words.Band);
        AssertWords<PartyKey>(Words.Key);
        AssertWords<PartyLinkKind>(Words.Field);
        AssertWords<NullModelKind>(Words.Model);
        Assert.Equal("\"highly concentrated\"", JsonOutput.Serialize<HhiBand?>(HhiBand.HighlyConcentrated));
        Assert.Equal("null", JsonOutput.Serialize<HhiBand?>(null));
    }

    [Fact]
    public void An_enum_key_is_its_word()
    {
        var json = JsonOutput.Serialize(new Dictionary<NullModelKind, int> { [NullModelKind.EqualCapacity] = 1 });

        using var doc = JsonDocument.Parse(json);
        Assert.Equal([Words.Model(NullModelKind.EqualCapacity)], doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_verdict_status_in_the_json_is_the_word_of_Words()
    {
        var result = AnalyzeResults.Small();

        using var doc = JsonDocument.Parse(JsonOutput.Serialize(AnalyzeJson.From(result)));

        Assert.Equal(Words.Status(result.Verdict.Verdict.Status), doc.RootElement.GetProperty("verdict").GetProperty("status").GetString());
        Assert.Equal(Words.Key(PartyKey.Resolved), doc.RootElement.GetProperty("party_key").GetString());
    }

    [Fact]
    public void The_serialiser_writes_snake_case_keys()
    {
        var json = JsonOutput.Serialize(new SensitivityJson("baseline", "d", true, 0.01, null, [2.5, null], 3, 0.4, 0.5));

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(
            ["variant", "description", "excess_capacity", "p_value", "contradicted", "multiples", "contested_names", "expected_cr2", "explained_by_demand"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_analyze_object_has_the_keys_of_its_contract()
    {
        using var doc = JsonDocument.Parse(JsonOutput.Serialize(AnalyzeJson.From(AnalyzeResults.Small())));

        // The keys analyze --json printed when it was written by hand (theil_all and hhi_normalized_all come with --participants).
        string[] keys =
        [
            "dataset", "synthetic", "provenance", "space", "tld", "names", "rows", "missing", "unknown", "registered", "registered_holder_unknown",
            "registered_holder_known", "participants", "participants_given", "party_key", "shared_hosting_threshold", "top2", "top2_share", "cr1",
            "cr2", "cr", "hhi", "hhi_band", "hhi_normalized", "hhi_equivalent", "gini", "gini_all", "theil", "undefined", "parties",
            "shared_hosting_sets", "hidden_registrant_names", "registrar_fronts", "indicators", "null_models", "implied_capacity", "verdict",
            "sensitivity", "spans", "caveat", "assumptions", "seed", "sims", "excess_threshold",
        ];
        Assert.Equal(keys.Order(StringComparer.Ordinal), doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["status", "excess_capacity", "p_value", "parties", "explained_by_demand", "expected_cr2", "observed_cr2", "excess_threshold", "alpha", "power", "plain"],
            doc.RootElement.GetProperty("verdict").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["party", "label", "registrant_name", "holdings", "share", "identities", "registrars"],
            doc.RootElement.GetProperty("parties")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Alpha BV", doc.RootElement.GetProperty("parties")[0].GetProperty("registrant_name").GetString());
        Assert.Equal(5 / 6.0, doc.RootElement.GetProperty("top2_share").GetDouble(), 12);
    }

    [Fact]
    public void Figures_over_all_participants_are_keys_only_when_the_participants_are_given()
    {
        using var without = JsonDocument.Parse(JsonOutput.Serialize(AnalyzeJson.From(AnalyzeResults.Small())));
        using var with = JsonDocument.Parse(JsonOutput.Serialize(AnalyzeJson.From(AnalyzeResults.Small(participants: 5))));

        Assert.False(without.RootElement.TryGetProperty("theil_all", out _));
        Assert.False(without.RootElement.TryGetProperty("hhi_normalized_all", out _));
        Assert.Equal(JsonValueKind.Number, with.RootElement.GetProperty("theil_all").ValueKind);
        Assert.Equal(JsonValueKind.Number, with.RootElement.GetProperty("hhi_normalized_all").ValueKind);
        Assert.Equal(5, with.RootElement.GetProperty("participants_given").GetInt32());
    }

    [Fact]
    public void Numbers_json_cannot_hold_are_written_as_null()
    {
        var json = JsonOutput.Serialize(IndicatorJson.From(new Indicator("range capture", null, double.NaN, double.PositiveInfinity, "uniform", 0.5, "reading")));

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("reference").ValueKind);
        Assert.Equal(0.5, doc.RootElement.GetProperty("p_value").GetDouble());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("party").ValueKind);
    }

    private static void AssertWords<T>(Func<T, string> word)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var json = JsonOutput.Serialize(value);
            Assert.Equal(JsonSerializer.Serialize(word(value)), json);
            Assert.Equal(value, JsonSerializer.Deserialize<T>(json, JsonOutput.Options));
        }
    }

    [Fact]
    public void A_whois_line_is_one_line_with_snake_case_keys_in_the_order_of_old()
    {
        var record = new WhoisRecord
        {
            Domain = "6060.nl",
            Status = DomainStatus.Active,
            StatusText = "active",
            Registrar = new WhoisParty("Patrijs Dömeinen\u001b[2J", ["Veldweg 1"]),
            NameServers = [new NameServer("ns1.patrijs.nl", [System.Net.IPAddress.Parse("192.0.2.60")])],
            Created = new DateOnly(2008, 2, 29),
        };
        var reply = new WhoisReply(ReplyClass.Registered, FormatEra.Flat2010s, "6060.nl", record);

        var line = JsonOutput.Line(new WhoisFileJson("a.txt", reply));

        Assert.DoesNotContain('\n', line);
        // Non-ASCII stays readable; a control character is escaped, so none reaches a terminal.
        Assert.Contains("Patrijs Dömeinen\\u001B[2J", line, StringComparison.Ordinal);
        Assert.StartsWith("{\"file\":\"a.txt\",\"class\":\"registered\",\"era\":\"2010s-flat\",\"domain\":\"6060.nl\",\"message\":null,"
            + "\"record\":{\"domain\":\"6060.nl\",\"status\":\"active\",\"status_text\":\"active\",\"registrar\":{\"name\":", line, StringComparison.Ordinal);
        Assert.EndsWith("\"last_registrar\":null,\"reseller\":null,\"registrant\":null,\"admin\":null,\"tech\":[],"
            + "\"name_servers\":[{\"host\":\"ns1.patrijs.nl\",\"addresses\":[\"192.0.2.60\"]}],\"dnssec\":null,\"created\":\"2008-02-29\","
            + "\"updated\":null,\"out_of_quarantine\":null,\"abuse\":null,\"maintained_by\":null,\"other_fields\":[]}}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whois_query_line_puts_the_exchange_first_the_raw_text_last_and_retry_after_only_when_known()
    {
        var throttled = new WhoisReply(ReplyClass.Throttled, RetryAfter: TimeSpan.FromSeconds(1), Message: "only 1 request per second allowed");

        var line = JsonOutput.Line(new WhoisQueryJson("6060.nl", "127.0.0.1:43", 80, "utf-8", false, TimeSpan.FromMilliseconds(12.345), throttled, "raw"));

        Assert.Equal("{\"query\":\"6060.nl\",\"server\":\"127.0.0.1:43\",\"bytes\":80,\"encoding\":\"utf-8\",\"truncated\":false,\"elapsed_ms\":12.3,"
            + "\"class\":\"throttled\",\"era\":\"unknown\",\"domain\":null,\"retry_after_seconds\":1,\"message\":\"only 1 request per second allowed\","
            + "\"record\":null,\"raw\":\"raw\"}", line);
        Assert.DoesNotContain("retry_after", JsonOutput.Line(new WhoisFileJson("f", new WhoisReply(ReplyClass.Free))), StringComparison.Ordinal);
    }
}
