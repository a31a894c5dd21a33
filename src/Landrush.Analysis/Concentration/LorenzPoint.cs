namespace Landrush.Analysis.Concentration;

/// <summary>A point of a Lorenz curve: the poorest <see cref="Population"/> share of holders hold <see cref="Holdings"/> of the names.</summary>
public readonly record struct LorenzPoint(double Population, double Holdings);
