using System.Diagnostics;
using System.Globalization;

namespace TwoFleets;

/// <summary>
/// TwoFleets: blind first-come-first-served landrushes over digits:1-5 modelled on the .nl launch of 2008, where two
/// registrars' fleets took about 90% of the names. Usage: --out DIR --seed S [--scale N] | --check DIR.
/// </summary>
internal static class Program
{
    private static readonly (string Group, string Class, int? Multiple, int PerScale)[] Classes =
        [("fair", "fair", null, 20), ("crowd", "crowd", null, 10), ("x3", "excess", 3, 15), ("x5", "excess", 5, 15), ("x10", "excess", 10, 10)];

    private static int Main(string[] args)
    {
        string? outDir = null, checkDir = null;
        ulong seed = 1;
        int scale = 1;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--out": outDir = args[i + 1]; break;
                case "--check": checkDir = args[i + 1]; break;
                case "--seed" when ulong.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed): break;
                case "--scale" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out scale): break;
                default: return Usage();
            }
        }
        if (args.Length % 2 != 0 || scale < 1 || outDir?.Length == 0 || checkDir?.Length == 0)
        {
            return Usage();
        }
        if (checkDir is not null)
        {
            return Checker.Run(checkDir);
        }
        if (outDir is null)
        {
            return Usage();
        }

        try
        {
            return Generate(outDir, seed, scale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"TwoFleets: error: cannot write {outDir}: {e.Message}");
            return 1;
        }
    }

    private static int Generate(string outDir, ulong seed, int scale)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TwoFleets: seed {seed}, scale {scale}, writing to {outDir}"));
        Directory.CreateDirectory(outDir);
        foreach ((string group, string cls, int? multiple, int perScale) in Classes)
        {
            var clock = Stopwatch.StartNew();
            for (int n = 1; n <= perScale * scale; n++)
            {
                string id = string.Create(CultureInfo.InvariantCulture, $"{group}-{n:D3}");
                var rng = new Rng(Rng.Derive(seed, id));
                Output.Write(outDir, seed, Landrush.Build(id, cls, multiple, rng));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {perScale * scale} x {group} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TwoFleets: done, seed {seed}"));
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: TwoFleets --out DIR --seed S [--scale N]   |   TwoFleets --check DIR   (S, N whole numbers, N at least 1)");
        return 2;
    }
}
