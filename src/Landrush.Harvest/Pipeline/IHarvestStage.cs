namespace Landrush.Harvest.Pipeline;

/// <summary>
/// One stage of a harvest worker's round (<see cref="DnsStage"/>, <see cref="VerifyStage"/>, <see cref="WhoisStage"/>):
/// the <see cref="Harvester"/> runs them in turn, round after round, until no work is left for anyone.
/// </summary>
internal interface IHarvestStage
{
    /// <summary>Does the stage's work that can be claimed now. <paramref name="progress"/> hears about twice a second.</summary>
    Task RunAsync(Action<HarvestProgress>? progress, CancellationToken cancellationToken);
}
