using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>Reads the project's own reply fixtures (copied to the output folder) and finds the shared ones.</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "whois-nl");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static string Text(string name) => WhoisText.Decode(Bytes(name));

    public static WhoisReply Parse(string name) => WhoisParser.Parse(Text(name));

    /// <summary>Reply fixtures (not the README or .gitattributes).</summary>
    public static IEnumerable<string> Names(string folder) =>
        Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.Equals("README.md", StringComparison.OrdinalIgnoreCase) && !n.StartsWith('.'))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// <c>../shared/fixtures/whois-nl</c> beside the repository root, or null when it does not exist
    /// (a fresh clone without the shared material).
    /// </summary>
    public static string? SharedFolder()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "fixtures", "whois-nl"));
        return Directory.Exists(shared) ? shared : null;
    }
}
