namespace Landrush.Core.Dataset;

/// <summary>Where a dataset row's facts came from. Written lower-case in the dataset.</summary>
public enum RecordSource
{
    /// <summary>Only the DNS sweep answered (delegated or absent); no registration details.</summary>
    Dns,

    /// <summary>A WHOIS (RFC 3912, port 43) reply.</summary>
    Whois,

    /// <summary>An RDAP (RFC 9083) reply.</summary>
    Rdap,

    /// <summary>The seeded synthetic reconstruction: not registry data.</summary>
    Reconstruction,
}
