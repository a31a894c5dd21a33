namespace Landrush.Harvest.Sources;

/// <summary>
/// The moment a query goes out, as a rate limiter sees it: a source opens its connection, awaits
/// <see cref="EnterAsync"/>, writes the query and then calls <see cref="Sent"/> (also when the write failed).
/// Between the two no other query of the same limiter is written.
/// </summary>
public interface ISendGate
{
    /// <summary>Waits until this query may be written.</summary>
    Task EnterAsync(CancellationToken cancellationToken);

    /// <summary>The query was written (or its write failed): the next one may go at its time.</summary>
    void Sent();
}
