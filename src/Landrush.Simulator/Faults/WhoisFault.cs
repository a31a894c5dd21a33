namespace Landrush.Simulator.Faults;

/// <summary>An answer fault of the WHOIS server; the word in the query log is the lower-case name.</summary>
public enum WhoisFault
{
    Reset,
    Trickle,
    Empty,
    Garbled,
    Truncated,
    Busy,
}
