namespace Landrush.Harvest.Dns;

/// <summary>Whether a datagram is a usable reply to the question asked.</summary>
internal enum DnsReadStatus
{
    /// <summary>A reply to the question; its fields are read.</summary>
    Ok,

    /// <summary>A well-formed reply, but to another question (a late or spoofed reply): dropped.</summary>
    QuestionMismatch,

    /// <summary>Not a DNS reply, or cut short, or a compression loop: dropped.</summary>
    Malformed,
}
