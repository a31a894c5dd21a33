namespace Landrush.Harvest.Dns;

/// <summary>
/// Receives each name's final outcome from <see cref="DnsSweeper"/>, on one of the sweeper's threads (so
/// it must be thread-safe and quick). <paramref name="reply"/> is the reply that decided it (empty after
/// a timeout); it is only valid during the call: copy it to keep it.
/// </summary>
/// <param name="index">Index of the name in the list given to the sweep.</param>
/// <param name="outcome">What the sweep learned.</param>
/// <param name="reply">The raw reply, or empty.</param>
/// <param name="server">Index of the server (in <see cref="DnsSweepOptions.Servers"/>) that answered or was last asked.</param>
public delegate void DnsResultHandler(int index, DnsOutcome outcome, ReadOnlySpan<byte> reply, int server);
