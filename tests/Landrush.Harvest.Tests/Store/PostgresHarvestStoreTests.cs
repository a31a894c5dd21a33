using Landrush.Core;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Tests.Store;

/// <summary>The contract against a real PostgreSQL (a private server, <see cref="PostgresServer"/>), and how the store is reached.</summary>
public sealed class PostgresHarvestStoreTests : HarvestStoreContract
{
    protected override IHarvestStore CreateNew(out string location)
    {
        location = PostgresServer.Get().NewDatabase();
        return HarvestStores.Open(location);
    }

    protected override IHarvestStore Reopen(string location) => HarvestStores.Open(location, mustExist: true);

    [SkippableFact]
    public void The_password_comes_from_the_url_or_pgpassword_and_never_appears_in_the_label()
    {
        var server = PostgresServer.Get();
        var url = server.NewDatabase();
        using (var store = HarvestStores.Open(url))
        {
            Assert.DoesNotContain(PostgresServer.Password, store.Location, StringComparison.Ordinal);
            Assert.StartsWith("postgres://postgres@127.0.0.1:", store.Location, StringComparison.Ordinal);
        }

        var database = url[(url.LastIndexOf('/') + 1)..];
        var withoutPassword = server.Url(database, withPassword: false);
        var old = Environment.GetEnvironmentVariable("PGPASSWORD");
        try
        {
            Environment.SetEnvironmentVariable("PGPASSWORD", PostgresServer.Password);
            using (HarvestStores.Open(withoutPassword, mustExist: true))
            {
            }

            Environment.SetEnvironmentVariable("PGPASSWORD", "wrong");
            var refused = Assert.Throws<UserInputException>(() => HarvestStores.Open(withoutPassword, mustExist: true));
            Assert.Contains("login refused", refused.Message);
            Assert.DoesNotContain("wrong", refused.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPASSWORD", old);
        }
    }

    [SkippableFact]
    public void A_missing_database_or_an_empty_one_read_as_a_store_is_bad_input_and_a_closed_port_is_an_io_error()
    {
        var server = PostgresServer.Get();
        var missing = Assert.Throws<UserInputException>(() => HarvestStores.Open(server.Url("nosuchdb")));
        Assert.Contains("does not exist", missing.Message);
        var empty = Assert.Throws<UserInputException>(() => HarvestStores.Open(server.NewDatabase(), mustExist: true));
        Assert.Contains("no harvest store", empty.Message);
        var closed = Assert.Throws<IOException>(() => HarvestStores.Open($"postgres://u:secret@127.0.0.1:{LoopbackServer.ClosedPort()}/db"));
        Assert.DoesNotContain("secret", closed.Message);
        Assert.Throws<UserInputException>(() => HarvestStores.Open("postgres://127.0.0.1/db"));
    }
}
