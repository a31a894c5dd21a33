using Landrush.Core.Model;

namespace Landrush.Analysis.NullModels;

/// <summary>
/// Runs many seeded simulations on all cores with results that do not depend on thread timing: runs are cut
/// into fixed chunks, chunk j draws from <c>new SeededRandom(seed, stream + j)</c>, and each run writes only
/// its own slot. Buffers are per worker and reused.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Runs per chunk (and per independent stream).</summary>
    public const int ChunkSize = 64;

    /// <summary>
    /// Calls <paramref name="run"/> for every run index with the chunk's generator and this worker's state
    /// (made once per worker by <paramref name="newState"/>).
    /// </summary>
    public static void For<TState>(int runs, long seed, ulong stream, Func<TState> newState,
        Action<int, SeededRandom, SeededRandomSource, TState> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newState);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var chunks = (runs + ChunkSize - 1) / ChunkSize;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, chunks, options, newState, (chunk, _, state) =>
        {
            var rng = new SeededRandom(seed, stream + (ulong)chunk);
            var source = new SeededRandomSource(rng);
            var end = Math.Min(runs, (chunk + 1) * ChunkSize);
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                run(i, rng, source, state);
            }

            return state;
        }, _ => { });
    }
}
