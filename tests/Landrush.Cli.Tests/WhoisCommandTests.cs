using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Landrush.Cli;
using Landrush.Cli.Commands;
using Landrush.Harvest.Whois;

namespace Landrush.Cli.Tests;

/// <summary><c>whois</c> and <c>whois-parse</c> end to end through <see cref="LandrushCli.RunAsync"/>.</summary>
public sealed class WhoisCommandTests : IDisposable
{
    private const string Record =
        "Domain name: 6060.nl\r\nStatus:      active\r\n\r\nRegistrar:\r\n   Patrijs Domeinen\r\n   Veldweg 1\r\n\r\n" +
        "DNSSEC:      yes\r\n\r\nDomain nameservers:\r\n   ns1.patrijs.example\r\n   ns2.patrijs.example  192.0.2.60\r\n\r\n" +
        "Creation Date: 2008-02-29\r\n\r\nUpdated Date: 2020-01-02\r\n\r\nRecord maintained by: SIDN BV\r\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync(args);

    private string Save(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A one-shot WHOIS server on 127.0.0.1 that answers <paramref name="reply"/> to the first query.</summary>
    private static (int Port, Task<string> Query) Serve(string reply) => Serve(Encoding.ASCII.GetBytes(reply));

    /// <summary>A one-shot WHOIS server on 127.0.0.1 that sends <paramref name="reply"/>'s bytes to the first query.</summary>
    private static (int Port, Task<string> Query) Serve(byte[] reply)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var query = Task.Run(async () =>
        {
            try
            {
                using var socket = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(20));
                var buffer = new byte[256];
                var got = new StringBuilder();
                while (!got.ToString().EndsWith("\r\n", StringComparison.Ordinal))
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                    if (n == 0)
                    {
                        break;
                    }

                    got.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                await socket.SendAsync(reply, SocketFlags.None);
                return got.ToString();
            }
            finally
            {
                listener.Stop();
            }
        });
        return (port, query);
    }

    [Fact]
    public async Task Whois_parse_reads_a_saved_reply()
    {
        var file = Save("6060.nl.txt", Record);

        var (code, stdout, stderr) = await Run("whois-parse", file);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("class:             registered\n", stdout, StringComparison.Ordinal);
        Assert.Contains("domain:            6060.nl\n", stdout, StringComparison.Ordinal);
        Assert.Contains("era:               current\n", stdout, StringComparison.Ordinal);
        Assert.Contains("registrar:         Patrijs Domeinen, Veldweg 1\n", stdout, StringComparison.Ordinal);
        Assert.Contains("name server:       ns2.patrijs.example (192.0.2.60)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("created:           2008-02-29\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whois_parse_json_gives_one_object_per_file()
    {
        var record = Save("6060.nl.txt", Record);
        var throttle = Save("throttle.txt", "whois.domain-registry.nl: only 1 request per second allowed, try again later\r\n");

        var (code, stdout, _) = await Run("whois-parse", "--json", record, throttle);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(record, first.RootElement.GetProperty("file").GetString());
        Assert.Equal("registered", first.RootElement.GetProperty("class").GetString());
        var rec = first.RootElement.GetProperty("record");
        Assert.Equal("2008-02-29", rec.GetProperty("created").GetString());
        Assert.Equal("192.0.2.60", rec.GetProperty("name_servers")[1].GetProperty("addresses")[0].GetString());
        Assert.True(rec.GetProperty("dnssec").GetBoolean());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("throttled", second.RootElement.GetProperty("class").GetString());
        Assert.Equal(1.0, second.RootElement.GetProperty("retry_after_seconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("record").ValueKind);
        // snake_case as every --json (issue 26): no camelCase key is left.
        Assert.Equal("active", rec.GetProperty("status_text").GetString());
        Assert.Equal(JsonValueKind.Null, rec.GetProperty("last_registrar").ValueKind);
        Assert.False(first.RootElement.TryGetProperty("retry_after_seconds", out _));
        Assert.DoesNotMatch("\"[a-z]+[A-Z]\\w*\":", stdout);
    }

    [Fact]
    public async Task Whois_parse_classifies_an_input_larger_than_the_client_cap_as_oversize()
    {
        var cap = Landrush.Core.Whois.CappedBuffer.DefaultReplyCap;
        Assert.Equal(cap, new WhoisClientOptions().MaxReplyBytes);
        // A record that would be read if it were not cut: the size alone decides.
        var big = Save("big.txt", Record + new string(' ', cap + 1 - Record.Length));
        var full = Save("full.txt", Record + new string(' ', cap - Record.Length));

        var (code, stdout, stderr) = await Run("whois-parse", "--json", big, full);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("oversize", first.RootElement.GetProperty("class").GetString());
        Assert.Equal($"reply cut at {cap} bytes: larger than the cap", first.RootElement.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("record").ValueKind);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("registered", second.RootElement.GetProperty("class").GetString());
    }

    // The endless-input test moved to Core's CappedBufferTests with the one capped read it checks.

    private const string Hostile = "Evil\u001b[2J\u001b]0;owned\u0007\u007f\u009b BV";

    [Fact]
    public async Task Whois_parse_text_output_escapes_control_characters_from_the_reply()
    {
        var file = Save("hostile.txt", Record.Replace("Patrijs Domeinen", Hostile, StringComparison.Ordinal)
            .Replace("Veldweg 1", "Veld\tweg 1", StringComparison.Ordinal)
            .Replace("active", "act\u001bive", StringComparison.Ordinal));

        var (code, stdout, _) = await Run("whois-parse", file);

        Assert.Equal(0, code);
        Assert.Contains("registrar:         Evil\\x1b[2J\\x1b]0;owned\\x07\\x7f\\x9b BV, Veld\tweg 1\n", stdout, StringComparison.Ordinal);
        Assert.Contains("message:           unknown status 'act\\x1bive'\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout, c => char.IsControl(c) && c is not ('\n' or '\t'));
    }

    [Fact]
    public async Task Whois_parse_json_output_escapes_control_characters_and_keeps_the_text()
    {
        var file = Save("hostile.txt", Record.Replace("Patrijs Domeinen", Hostile, StringComparison.Ordinal));

        var (code, stdout, _) = await Run("whois-parse", "--json", file);

        Assert.Equal(0, code);
        Assert.DoesNotContain(stdout, c => char.IsControl(c) && c != '\n');
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(Hostile, doc.RootElement.GetProperty("record").GetProperty("registrar").GetProperty("name").GetString());
    }

    // The wording is now validate's, word for word (issue 14: one failure, one message and one exit code).
    [Fact]
    public async Task Whois_parse_of_a_missing_file_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await Run("whois-parse", Path.Combine(_dir, "absent.txt"));

        Assert.Equal(LandrushCli.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal($"landrush: error: {Path.Combine(_dir, "absent.txt")}: no such file\n", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Whois_parse_of_a_directory_is_one_line_and_exit_2()
    {
        var file = Save("6060.nl.txt", Record);

        // The directory comes second: nothing of the first file's reading may hide the error.
        var (code, stdout, stderr) = await Run("whois-parse", file, _dir);

        Assert.Equal(LandrushCli.BadInput, code);
        Assert.Contains("class:             registered\n", stdout, StringComparison.Ordinal);
        Assert.Equal($"landrush: error: {_dir}: is a directory, not a saved reply", stderr.TrimEnd());
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Whois_parse_reports_a_missing_file_and_goes_on_with_the_rest()
    {
        var a = Save("a.txt", Record);
        var b = Path.Combine(_dir, "absent.txt");
        var c = Save("c.txt", "whois.domain-registry.nl: only 1 request per second allowed, try again later\r\n");

        var (code, stdout, stderr) = await Run("whois-parse", a, b, c);

        Assert.Equal(LandrushCli.BadInput, code);
        Assert.Equal($"landrush: error: {b}: no such file\n", stderr);
        Assert.Contains($"== {a}\nclass:             registered\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"== {c}\nclass:             throttled\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(b, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Whois_parse_of_an_empty_file_name_is_bad_input(string name)
    {
        var a = Save("a.txt", Record);

        var (code, stdout, stderr) = await Run("whois-parse", a, name);

        Assert.Equal(LandrushCli.BadInput, code);
        Assert.Equal("landrush: error: an empty path is not a saved reply: write a path, or - for standard input\n", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Whois_parse_reads_rdap_json_that_starts_with_a_byte_order_mark()
    {
        var path = Path.Combine(_dir, "bom.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(
            """{"objectClassName":"domain","ldhName":"6060.nl","status":["active"],"entities":[{"roles":["registrar"],"vcardArray":["vcard",[["fn",{},"text","Patrijs Domeinen"]]]}]}""")]);

        var (code, stdout, stderr) = await Run("whois-parse", path);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("class:             registered\n", stdout, StringComparison.Ordinal);
        Assert.Contains("era:               rdap\n", stdout, StringComparison.Ordinal);
        Assert.Contains("registrar:         Patrijs Domeinen\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t ")]
    public void An_empty_or_blank_server_is_bad_input_not_the_default_registry(string text)
    {
        // An empty shell variable ("--server $SERVER") must never fall back to the real registry.
        var ex = Assert.Throws<Landrush.Core.UserInputException>(() => WhoisCommand.ParseServer(text, new WhoisClientOptions()));
        Assert.StartsWith("bad --server '", ex.Message, StringComparison.Ordinal);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_server_option_keeps_the_default()
    {
        Assert.Equal(new WhoisClientOptions(), WhoisCommand.ParseServer(null, new WhoisClientOptions()));
    }

    [Fact]
    public async Task Whois_asks_a_loopback_server_and_prints_the_reading()
    {
        var (port, query) = Serve(Record);

        var (code, stdout, stderr) = await Run("whois", "6060.NL", "--server", $"127.0.0.1:{port}");

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal("6060.nl\r\n", await query);
        Assert.Contains($"server:            127.0.0.1:{port}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("class:             registered\n", stdout, StringComparison.Ordinal);
        Assert.Contains("dnssec:            yes\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whois_text_says_when_the_simulator_served_a_synthetic_reply()
    {
        // A free reply has no field that shows where it came from: the simulator's notice line must not be dropped.
        var notice = new Landrush.Core.Whois.SimulatorNotice("nl-2008-reconstruction.csv", Synthetic: true).ToLine();
        var (port, _) = Serve($"{notice}\n\n99999.nl is free\n");

        var (code, stdout, stderr) = await Run("whois", "99999.nl", "--server", $"127.0.0.1:{port}");

        Assert.True(code == 0, stderr);
        Assert.Contains("served by:         the Landrush registry simulator, dataset nl-2008-reconstruction.csv (SYNTHETIC, not registry data)\n", stdout, StringComparison.Ordinal);
        var (plainPort, _) = Serve(Record);
        var (_, plain, _) = await Run("whois", "6060.nl", "--server", $"127.0.0.1:{plainPort}");
        Assert.DoesNotContain("served by:", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whois_raw_prints_the_reply_unchanged()
    {
        var (port, _) = Serve(Record);

        var (code, stdout, _) = await Run("whois", "6060.nl", "--server", $"127.0.0.1:{port}", "--raw");

        Assert.Equal(0, code);
        Assert.Equal(Record, stdout);
    }

    // Bytes a text round trip would change: Latin-1 0xEB, UTF-8 "ë" beside a lone 0xEB, a bare CR.
    public static TheoryData<string, byte[]> RawReplies() => new()
    {
        { "latin-1", Encoding.Latin1.GetBytes(Record.Replace("Patrijs Domeinen", "Patrijs & Zoë", StringComparison.Ordinal)) },
        { "utf-8 and a lone 0xEB", [.. Encoding.UTF8.GetBytes(Record.Replace("Patrijs Domeinen", "Zoë", StringComparison.Ordinal)), .. "% Zo"u8, 0xEB, .. "\r\n"u8] },
        { "utf-8 with a bare CR", Encoding.UTF8.GetBytes(Record.Replace("Veldweg 1\r\n", "Zoë 1\r", StringComparison.Ordinal)) },
    };

    [Theory]
    [MemberData(nameof(RawReplies))]
    public async Task Whois_raw_writes_the_bytes_received_to_a_byte_stream(string what, byte[] reply)
    {
        // As in production: standard output is a StreamWriter over a byte stream.
        var (port, _) = Serve(reply);
        using var bytes = new MemoryStream();
        int code;
        await using (var stdout = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            using var stderr = new StringWriter();
            string[] args = ["whois", "6060.nl", "--server", $"127.0.0.1:{port}", "--raw"];
            CliRunner.RequireLoopbackServer(args);
            code = await LandrushCli.RunAsync(args, stdout, stderr);
            Assert.Equal("", stderr.ToString());
        }

        Assert.Equal(0, code);
        Assert.True(reply.AsSpan().SequenceEqual(bytes.ToArray()), $"{what}: the bytes written differ from the bytes received");
    }

    [Theory]
    [MemberData(nameof(RawReplies))]
    public async Task Whois_raw_to_a_text_writer_maps_each_byte_to_one_latin1_character(string what, byte[] reply)
    {
        var (port, _) = Serve(reply);

        var (code, stdout, _) = await Run("whois", "6060.nl", "--server", $"127.0.0.1:{port}", "--raw");

        Assert.Equal(0, code);
        Assert.True(reply.AsSpan().SequenceEqual(Encoding.Latin1.GetBytes(stdout)), $"{what}: the characters do not map back to the bytes received");
    }

    [Fact]
    public async Task Whois_json_carries_the_raw_text_and_the_class()
    {
        var (port, _) = Serve("whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1\r\n");

        var (code, stdout, _) = await Run("whois", "6060.nl", "--server", $"127.0.0.1:{port}", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("daily-limit", doc.RootElement.GetProperty("class").GetString());
        Assert.StartsWith("whois.domain-registry.nl: daily", doc.RootElement.GetProperty("raw").GetString(), StringComparison.Ordinal);
        // One line, snake_case keys as every --json (issue 26: elapsedMs became elapsed_ms).
        Assert.Equal(1, stdout.Count(c => c == '\n'));
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("elapsed_ms").ValueKind);
        Assert.False(doc.RootElement.TryGetProperty("elapsedMs", out _));
        Assert.Equal(["query", "server", "bytes", "encoding", "truncated", "elapsed_ms", "class", "era", "domain", "message", "record", "raw"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Unreachable_server_is_one_line_on_stderr_and_a_failure_exit()
    {
        var port = ClosedPort();

        var (code, stdout, stderr) = await Run("whois", "6060.nl", "--server", $"127.0.0.1:{port}", "--timeout", "5");

        Assert.Equal(LandrushCli.Failure, code);
        Assert.Equal("", stdout);
        var lines = stderr.TrimEnd('\n', '\r').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith($"landrush: error: cannot connect to 127.0.0.1:{port}", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    // The name comes after "--" so that "-x.nl" is a name, not an option. Every case names a closed
    // loopback port as the server: if validation ever moved after the query, the test would fail with
    // "cannot connect" instead of reaching the real registry.
    [Theory]
    [InlineData("6060", "", "bad domain name '6060': write e.g. 1234.nl")]
    [InlineData("a b.nl", "", "bad domain name 'a b.nl': ' ' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("é.nl", "", "bad domain name 'é.nl': 'é' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("a\nb.nl", "", "bad domain name 'a\\x0ab.nl': '\\x0a' is not a letter, digit or hyphen (write an IDN as xn--…)")]
    [InlineData("-x.nl", "", "bad domain name '-x.nl': label '-x' starts or ends with '-'")]
    [InlineData("a..nl", "", "bad domain name 'a..nl': empty label")]
    [InlineData("6060.nl", "--server 127.0.0.1:b", "bad --server '127.0.0.1:b': write host or host:port, e.g. whois.domain-registry.nl:43 or 127.0.0.1:4343")]
    [InlineData("6060.nl", "--raw --json", "--raw and --json exclude each other: choose one")]
    [InlineData("6060.nl", "--timeout 0", "bad --timeout 0: write seconds from 0.001 to 3600, e.g. 10")]
    [InlineData("6060.nl", "--timeout -1", "bad --timeout -1: write seconds from 0.001 to 3600, e.g. 10")]
    [InlineData("6060.nl", "--timeout 1e-300", "bad --timeout 1E-300: write seconds from 0.001 to 3600, e.g. 10")]
    [InlineData("6060.nl", "--timeout 0.00000001", "bad --timeout 1E-08: write seconds from 0.001 to 3600, e.g. 10")]
    [InlineData("6060.nl", "--timeout 3601", "bad --timeout 3601: write seconds from 0.001 to 3600, e.g. 10")]
    [InlineData("6060.nl", "--timeout NaN", "bad --timeout NaN: write seconds from 0.001 to 3600, e.g. 10")]
    [InlineData("6060.nl", "--timeout Infinity", "bad --timeout Infinity: write seconds from 0.001 to 3600, e.g. 10")]
    public async Task Bad_input_is_exit_2_with_one_line(string name, string options, string message)
    {
        var extra = options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] server = extra.Contains("--server") ? [] : ["--server", $"127.0.0.1:{ClosedPort()}"];

        var (code, stdout, stderr) = await Run(["whois", .. extra, .. server, "--", name]);

        Assert.Equal($"landrush: error: {message}\n", stderr);
        Assert.Equal(LandrushCli.BadInput, code);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("127.0.0.1:4343", "127.0.0.1", 4343)]
    [InlineData("whois.example", "whois.example", 43)]
    [InlineData("[::1]:4343", "::1", 4343)]
    [InlineData("::1", "::1", 43)]
    public void Server_option_forms(string text, string host, int port)
    {
        var o = WhoisCommand.ParseServer(text, new WhoisClientOptions());
        Assert.Equal(host, o.Host);
        Assert.Equal(port, o.Port);
    }
}
