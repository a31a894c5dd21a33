namespace Landrush.Simulator.Faults;

/// <summary>
/// Seeded, thread-safe draws for fault injection: the n-th query of a stream always gets the same numbers
/// for the same seed (SplitMix64 of seed, stream and counter), whichever thread serves it. Which query is
/// the n-th depends on arrival order, so one client asking one name at a time sees the same faults on
/// every run.
/// </summary>
internal sealed class FaultDice(ulong seed, ulong stream)
{
    private long _counter = -1;

    /// <summary>Reserves the next query's numbers.</summary>
    public Roll Next() => new(seed, stream, (ulong)Interlocked.Increment(ref _counter));

    /// <summary>The numbers of one query: as many independent uniform draws in [0, 1) as asked for.</summary>
    public readonly struct Roll(ulong seed, ulong stream, ulong n)
    {
        public double this[int k] => (Mix(seed ^ Mix(stream + 0x9E3779B97F4A7C15UL) ^ Mix((n << 4) + (ulong)k)) >> 11) * (1.0 / (1UL << 53));

        /// <summary>A uniform integer in [0, <paramref name="max"/>) from draw <paramref name="k"/>.</summary>
        public int Below(int k, int max) => Math.Min(max - 1, (int)(this[k] * max));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
