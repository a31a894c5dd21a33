using Landrush.Core.Model;

namespace Landrush.Analysis.NullModels;

/// <summary>
/// Holdings when each of H names goes to one of N participants uniformly: Multinomial(H; 1/N, …, 1/N), drawn
/// as successive binomials (participant i gets Bin(names left, 1/(N − i))), N − 1 draws instead of H.
/// </summary>
internal sealed class UniformMultinomial
{
    private readonly BinomialSampler _sampler;
    private readonly double[] _p;
    private readonly double[] _logP;
    private readonly double[] _logQ;

    public UniformMultinomial(int names, int participants)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(names);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        Names = names;
        _sampler = new BinomialSampler(names);
        _p = new double[participants];
        _logP = new double[participants];
        _logQ = new double[participants];
        for (var i = 0; i < participants; i++)
        {
            var left = participants - i;
            _p[i] = 1.0 / left;
            _logP[i] = -Math.Log(left);
            _logQ[i] = left == 1 ? double.NegativeInfinity : Math.Log((left - 1.0) / left);
        }
    }

    public int Names { get; }

    public int Participants => _p.Length;

    /// <summary>Fills <paramref name="holdings"/> (length ≥ N) with one draw.</summary>
    public void Fill(SeededRandom rng, Span<int> holdings)
    {
        var rest = Names;
        var last = _p.Length - 1;
        for (var i = 0; i < last; i++)
        {
            var x = _sampler.Sample(rng, rest, _p[i], _logP[i], _logQ[i]);
            holdings[i] = x;
            rest -= x;
        }

        holdings[last] = rest;
    }
}
