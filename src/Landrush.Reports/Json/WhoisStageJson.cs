namespace Landrush.Reports.Json;

/// <summary>The WHOIS stage in <c>harvest status --json</c>.</summary>
/// <param name="Needed">Names WHOIS must answer.</param>
/// <param name="Answered">Names answered.</param>
/// <param name="Failed">Names given up on.</param>
/// <param name="Leased">Names being asked.</param>
/// <param name="Registered">Names answered registered.</param>
/// <param name="Free">Names answered free.</param>
/// <param name="Exchanges">Exchanges kept.</param>
/// <param name="Throttles">Throttle replies.</param>
public sealed record WhoisStageJson(long Needed, long Answered, long Failed, long Leased, long Registered, long Free, long Exchanges, long Throttles);
