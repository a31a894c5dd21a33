using Landrush.Core.Model;
using MathNet.Numerics.Random;

namespace Landrush.Analysis.NullModels;

/// <summary>
/// MathNet.Numerics' <see cref="RandomSource"/> over the project's <see cref="SeededRandom"/>, so that a
/// MathNet distribution sampled through it draws from the same seeded stream as everything else: one seed
/// fixes every draw. Not thread-safe (one per thread, like the generator under it).
/// </summary>
public sealed class SeededRandomSource : RandomSource
{
    private readonly SeededRandom _rng;

    public SeededRandomSource(SeededRandom rng)
        : base(threadSafe: false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _rng = rng;
    }

    /// <summary>The generator underneath.</summary>
    public SeededRandom Generator => _rng;

    protected override double DoSample() => _rng.NextDouble();

    protected override int DoSampleInteger() => _rng.NextInt(int.MaxValue);

    protected override int DoSampleInteger(int maxExclusive) => _rng.NextInt(maxExclusive);

    protected override int DoSampleInteger(int minInclusive, int maxExclusive) =>
        minInclusive + _rng.NextInt(maxExclusive - minInclusive);

    protected override void DoSampleBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (var i = 0; i < buffer.Length; i += 8)
        {
            var x = _rng.NextUInt64();
            for (var j = 0; j < 8 && i + j < buffer.Length; j++)
            {
                buffer[i + j] = (byte)(x >> (8 * j));
            }
        }
    }
}
