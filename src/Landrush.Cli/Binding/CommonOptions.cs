using System.CommandLine;
using Landrush.Core.Enumeration;

namespace Landrush.Cli.Binding;

/// <summary>Options several commands share, so that they read and default the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Space() => new("--space")
    {
        Description = "Name-space spec: CLASS:LENGTHS parts joined by '+', e.g. digits:1-5, digits:4, " +
                      "digits:1-3+letters:2, [0-9a-z-]:1-3. Classes: digits, letters, alnum, ldh or a [set].",
        DefaultValueFactory = _ => NameSpace.DefaultSpec,
    };

    public static Option<string> Tld() => new("--tld")
    {
        Description = "Top-level domain the labels are under.",
        DefaultValueFactory = _ => "nl",
    };

    /// <summary>An output path option, kept as typed (messages quote it so); '-' means standard output where a command allows it.</summary>
    public static Option<string?> Out(string description) => new("--out") { Description = description };
}
