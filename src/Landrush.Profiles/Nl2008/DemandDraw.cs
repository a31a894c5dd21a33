namespace Landrush.Profiles.Nl2008;

/// <summary>
/// One demand draw of the nl-2008 calibration: every party's wish list, capacity, latency and role (by
/// party position), the seed of its model runs, and which names are in the block. The range parties'
/// lists and capacities are what the calibration searches; whoever changes them works on a copy.
/// </summary>
internal sealed record DemandDraw(
    int NameCount, int[][] Lists, double[] Capacities, double[] Latencies, PartyRole[] Roles, long SimulationSeed, bool[] InBlock);
