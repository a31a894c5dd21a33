using System.CommandLine;
using System.Globalization;
using Landrush.Cli.Files;
using Landrush.Core;
using Landrush.Core.Dataset;
using Landrush.Core.Enumeration;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Commands;

/// <summary><c>landrush raw</c>: the raw replies a harvest kept about a name (the evidence behind a row).</summary>
internal static class RawCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create("Harvest store to read: a SQLite file or postgres://USER[:PASSWORD]@HOST[:PORT]/DB.");
        var name = new Argument<string>("name") { Description = "A name (1234.nl: its latest reply), a raw_ref from an export (raw/1234.nl/17), or the TLD (nl: the DNS server's notice)." };
        var all = new Option<bool>("--all") { Description = "List every reply kept about the name (time, source, server, class) instead of printing one." };
        var command = new Command("raw", "Print a raw reply a harvest kept, exactly as received.") { store, name, all };
        command.SetAction(async (parsed, ct) =>
        {
            using var theStore = StoreFile.Open(parsed.GetValue(store)!, readOnly: true);
            var text = parsed.GetValue(name)!.Trim();
            var stdout = parsed.InvocationConfiguration.Output;
            StoredReply? reply;
            if (text.StartsWith("raw/", StringComparison.Ordinal))
            {
                reply = RawRef.TryParse(text, out var rawRef) ? theStore.Reply(rawRef.Id) : null;
                reply = reply is not null && reply.Ref == rawRef ? reply : null;
            }
            else
            {
                // The store's TLD (nl) names the DNS server's notice, kept as a reply about the TLD itself.
                var tld = theStore.Plan?.Tld;
                var replies = theStore.Replies(tld is not null && string.Equals(text.TrimEnd('.'), tld, StringComparison.OrdinalIgnoreCase)
                    ? tld
                    : DomainName.Parse(text).ToString());
                if (parsed.GetValue(all) && replies.Count > 0)
                {
                    foreach (var r in replies)
                    {
                        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Ref}\t{r.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\t{r.Source}\t{Printable.Escape(r.Server)}\t{r.Class}\t{r.Raw.Length} bytes"));
                    }

                    return LandrushCli.Ok;
                }

                reply = replies.Count > 0 ? replies[^1] : null;
            }

            if (reply is null)
            {
                throw new UserInputException($"no reply about '{Printable.Escape(text)}' in {parsed.GetValue(store)}");
            }

            await WhoisCommand.WriteRawAsync(stdout, reply.Raw, ct);
            return LandrushCli.Ok;
        });
        return command;
    }
}
