using Landrush.Cli.Files;
using Landrush.Core;

namespace Landrush.Cli.Tests.Files;

// Moved from Core's RegistryCsvTests when opening files moved from Core to the CLI.
public class InputFilesTests
{
    [Fact]
    public void A_directory_is_not_a_dataset()
    {
        var ex = Assert.Throws<UserInputException>(() => InputFiles.OpenRead(Path.GetTempPath(), "dataset file"));
        Assert.Contains("is a directory", ex.Message);
    }

    [Fact]
    public void A_missing_file_is_a_user_error()
    {
        var ex = Assert.Throws<UserInputException>(() => InputFiles.OpenRead("/nonexistent/landrush.csv", "dataset file"));
        Assert.Contains("no such file", ex.Message);
    }
}
