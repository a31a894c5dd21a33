namespace Landrush.Cli.Output;

/// <summary>
/// A command to suggest, written the way the user can run it: <c>landrush ARGS</c> when this is the installed tool, or
/// <c>dotnet run --project src/Landrush.Cli -- ARGS</c> when it runs from a checkout (the README's main path installs
/// nothing, so a bare <c>landrush</c> would not be found).
/// </summary>
internal static class CommandHint
{
    private const string Project = "src/Landrush.Cli";

    public static string For(string args) =>
        CheckoutProject() is { } project
            ? $"dotnet run --project {RelativeToHere(project)} -- {args}"
            : $"landrush {args}";

    // The CLI project of the checkout this binary was built in (bin/… lies below it, or below a test project beside it).
    private static string? CheckoutProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, Project);
            if (File.Exists(Path.Combine(project, "Landrush.Cli.csproj")))
            {
                return project;
            }
        }

        return null;
    }

    private static string RelativeToHere(string project)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, project).Replace('\\', '/');
        return relative.Contains(' ', StringComparison.Ordinal) ? $"'{relative}'" : relative;
    }
}
