namespace Landrush.Testing;

/// <summary>
/// Finds committed files by walking up from the test binary to the folder with Landrush.sln. One file, linked into
/// every test project (Directory.Build.props), so the walk is written once.
/// </summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Landrush.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Landrush.sln above {AppContext.BaseDirectory}");
    }
}
