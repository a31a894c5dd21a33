using System.Diagnostics;
using System.Globalization;
using Landrush.Analysis.Verdict;

internal static class VerdictStudy
{
    public static void Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var observed = ReconstructionAllocation.Load(ReconstructionAllocation.FindDataDir());
        var sw = Stopwatch.StartNew();
        var result = VerdictAnalysis.Run(observed, new VerdictOptions { Seed = 1 });
        Console.WriteLine(string.Create(inv, $"reconstruction: {sw.Elapsed.TotalSeconds:N1} s"));
        foreach (var m in result.NullModels)
        {
            Console.WriteLine(string.Create(inv, $"  {m.Model}: CR2 mean {m.Cr2.Mean:N3} [{m.Cr2.Low:N3}, {m.Cr2.High:N3}] p {m.Cr2.PValue:N4}"));
        }

        foreach (var c in result.ImpliedCapacities)
        {
            Console.WriteLine(string.Create(inv, $"  {c}"));
        }

        foreach (var r in result.Sensitivity)
        {
            Console.WriteLine(string.Create(inv, $"  {r.Variant}: excess {r.ExcessCapacity} p {r.PValue:N4} multiples {string.Join("/", r.Multiples.Select(x => x.ToString("N1", inv)))} contested {r.ContestedNames} E[CR2] {r.ExpectedCr2:N3}"));
        }

        Console.WriteLine(result.Verdict.Plain);
        foreach (var a in result.Assumptions)
        {
            Console.WriteLine("  - " + a);
        }
    }
}
