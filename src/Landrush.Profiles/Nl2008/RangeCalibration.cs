namespace Landrush.Profiles.Nl2008;

/// <summary>What <see cref="RangeOrderSearch"/> chose: the range parties' capacities and list offsets, and the moves the fixes then needed.</summary>
internal sealed record RangeCalibration(double CapacityA, double CapacityB, int OffsetA, int OffsetB, int Moves);
