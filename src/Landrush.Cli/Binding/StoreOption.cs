using System.CommandLine;
using Landrush.Cli.Files;
using Landrush.Harvest.Store;

namespace Landrush.Cli.Binding;

/// <summary><c>--store</c>, the same in every command that reads or writes a harvest store: a SQLite path or a <c>postgres://</c> URL.</summary>
internal static class StoreOption
{
    public static Option<string> Create(string description) => new("--store") { Description = description, Required = true };

    /// <summary>Records a store file as this run's input (so nothing the run writes replaces it); a database is no file.</summary>
    public static void RecordInput(string store)
    {
        if (!HarvestStores.IsShared(store))
        {
            CommandInputs.Record(store);
        }
    }
}
