namespace Landrush.Harvest.Whois;

/// <summary>Why a WHOIS exchange gave no reply.</summary>
public enum WhoisFailure
{
    /// <summary>The connection was refused or could not be made (closed port, unknown host, no route).</summary>
    ConnectFailed,

    /// <summary>No connection within <see cref="WhoisClientOptions.ConnectTimeout"/>.</summary>
    ConnectTimeout,

    /// <summary>The server was silent for <see cref="WhoisClientOptions.ReadTimeout"/>.</summary>
    ReadTimeout,

    /// <summary>The exchange took longer than <see cref="WhoisClientOptions.OverallTimeout"/>.</summary>
    OverallTimeout,

    /// <summary>The server reset or broke the connection before the end of its reply.</summary>
    Reset,
}
