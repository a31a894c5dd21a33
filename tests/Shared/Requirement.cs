namespace Landrush.Testing;

/// <summary>
/// What a test needs from the machine: a program (nsd, dig, whois, chromium), a Python module, a server.
/// Missing on a developer's machine, the test reports Skipped (it must be a <c>[SkippableFact]</c> or
/// <c>[SkippableTheory]</c>), never Passed with nothing checked. Missing under CI, the test fails: <c>.ci/run</c>
/// sets <c>CI=true</c> and installs every such tool, so there a missing one is a lost check, not a choice.
/// One file, linked into every test project (Directory.Build.props), so all such tests decide the same way.
/// </summary>
internal static class Requirement
{
    /// <summary>
    /// Under CI: <c>CI</c> set to anything but empty, <c>0</c> or <c>false</c> (CI services set <c>true</c> or <c>1</c>).
    /// </summary>
    public static bool InCi =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What ends a test for want of <paramref name="what"/> (<c>throw Requirement.Missing(...)</c>): a failure under CI,
    /// a skip elsewhere.
    /// </summary>
    /// <param name="what">What is missing and how to get it, e.g. "'nsd' (apt-get install nsd)".</param>
    public static Exception Missing(string what) =>
        InCi
            ? Xunit.Sdk.FailException.ForFailure($"CI requires {what}, which is missing here (.ci/run installs it)")
            : new Xunit.SkipException($"{what} is missing here: nothing checked (under CI this is a failure)");

    /// <summary>
    /// The full path of the program <paramref name="name"/> on PATH, or in /usr/sbin or /usr/bin (where Debian puts
    /// nsd and dig, not always on a user's PATH); a missing one ends the test (<see cref="Missing"/>).
    /// </summary>
    public static string Program(string name, string package)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var dir in dirs.Append("/usr/sbin").Append("/usr/bin"))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw Missing($"'{name}' (apt-get install {package})");
    }
}
