using Landrush.Core;
using Landrush.Harvest.Store;

namespace Landrush.Harvest.Tests.Store;

public sealed class SqliteHarvestStoreTests : HarvestStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("landrush-store-").FullName;

    protected override IHarvestStore CreateNew(out string location)
    {
        location = Path.Combine(_dir, $"{Guid.NewGuid():N}.db");
        return SqliteHarvestStore.Open(location);
    }

    protected override IHarvestStore Reopen(string location) => SqliteHarvestStore.Open(location, mustExist: true);

    [Fact]
    public void A_file_that_is_not_a_store_is_bad_input()
    {
        var path = Path.Combine(_dir, "corrupt.db");
        File.WriteAllText(path, new string('x', 8192));
        var ex = Assert.Throws<UserInputException>(() => SqliteHarvestStore.Open(path));
        Assert.Contains("not a harvest store", ex.Message);
    }

    [Fact]
    public void A_store_that_cannot_be_written_is_an_io_error_and_still_resumes()
    {
        // Root writes through file modes, so the read-only case is made by opening read-only.
        var path = Path.Combine(_dir, "ro.db");
        using (var store = SqliteHarvestStore.Open(path))
        {
            store.Begin(Plan);
        }

        using (var readOnly = SqliteHarvestStore.Open(path, readOnly: true))
        {
            var ex = Assert.Throws<IOException>(() => readOnly.MarkVerify([1]));
            Assert.Contains("read-only", ex.Message);
        }

        using var again = SqliteHarvestStore.Open(path);
        again.Begin(Plan);
        Assert.Equal(Plan, again.Plan);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
