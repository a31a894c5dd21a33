using System.Diagnostics;
using System.Globalization;
using Landrush.Analysis.NullModels;
using Landrush.Analysis.Verdict;

// 10,000 runs of the uniform and equal-capacity null models on the lean paths, at the 2008 scale (the nl-2008
// reconstruction: 11,245 names, 108 parties; equal-capacity over the demand the verdict reads). Each timed after a
// warm-up, best of `repeats`.
internal static class NullModelBenchmark
{
    public static void Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var runs = args.Length > 0 ? int.Parse(args[0], inv) : 10_000;
        var repeats = args.Length > 1 ? int.Parse(args[1], inv) : 5;
        var observed = ReconstructionAllocation.Load(ReconstructionAllocation.FindDataDir());
        var holders = observed.PartiesHolding();
        Console.WriteLine(string.Create(inv, $"null-model benchmark: {observed.Registered:N0} names, {holders} parties, {runs:N0} runs, {Environment.ProcessorCount} cores, best of {repeats}"));
        Time("uniform", repeats, () => NullModelSimulation.UniformStatistics(observed.Registered, holders, runs, 1).Cr2.Average());
        var sw = Stopwatch.StartNew();
        var contest = VerdictAnalysis.NullModelDemand(observed, new VerdictOptions { Seed = 1 });
        Console.WriteLine(string.Create(inv, $"  demand (spans and others' lists): {sw.Elapsed.TotalSeconds:N2} s, {contest.ContestedNames.Count:N0} contested names, {contest.ContestedSlots:N0} contested list entries"));
        Time("equal-capacity", repeats, () => NullModelSimulation.EqualCapacityStatistics(contest, runs, 1).Cr2.Average());
        Time("lottery", repeats, () => NullModelSimulation.Lottery(contest, observed.Holdings(), runs, 1).Cr2.Mean);
    }

    private static void Time(string label, int repeats, Func<double> body)
    {
        // Wall time and the process's CPU time (all threads): on a loaded machine the wall time grows with the
        // load, the CPU time much less, so both are printed.
        var check = body();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            check = body();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-16} {best,8:N4} s wall, {bestCpu,8:N4} s CPU per batch (mean CR2 {check:N4})"));
    }
}
