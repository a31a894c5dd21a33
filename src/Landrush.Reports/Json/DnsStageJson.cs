namespace Landrush.Reports.Json;

/// <summary>The DNS sweep in <c>harvest status --json</c>.</summary>
/// <param name="Names">Names of the shard.</param>
/// <param name="Swept">Names swept.</param>
/// <param name="Delegated">Names with a delegation.</param>
/// <param name="Absent">Names without one.</param>
/// <param name="Unknown">Names the sweep could not decide.</param>
/// <param name="BlocksLeft">Blocks not yet swept.</param>
/// <param name="BlocksLeased">Blocks being swept.</param>
public sealed record DnsStageJson(long Names, long Swept, long Delegated, long Absent, long Unknown, long BlocksLeft, long BlocksLeased);
