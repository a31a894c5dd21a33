namespace Collectors;

internal enum Kind
{
    Ordinary,
    Range,
    Collector,
}

/// <summary>How a participant's requests are spaced in time; the mean rate is always its capacity.</summary>
internal enum Gaps
{
    /// <summary>Exponential gaps (a Poisson stream).</summary>
    Poisson,

    /// <summary>Exactly 1/c apart.</summary>
    Regular,

    /// <summary>Uniform between 0.5/c and 1.5/c.</summary>
    Jittered,

    /// <summary>Batches of Burst requests at one instant, the batches a Poisson stream of rate c/Burst.</summary>
    Bursts,
}

/// <summary>Who a participant is in the registry: unique handles and name, a registrar, name servers.</summary>
internal sealed record Identity(string Handle, string Name, string Admin, string Registrar, string NameServers);

/// <summary>One participant: what it wants, in its send order, how fast it sends, and what it won.</summary>
internal sealed class Participant(Kind kind, int[] list, string description)
{
    public Kind Kind { get; } = kind;

    /// <summary>Label indices in send order, no repeats.</summary>
    public int[] List { get; } = list;

    public string Description { get; set; } = description;

    public double Capacity { get; set; }

    public double Start { get; set; }

    public Gaps Gaps { get; set; }

    public int Burst { get; set; } = 1;

    /// <summary>Designed to send at the landrush's design multiple (an excess participant).</summary>
    public bool Fast { get; set; }

    public int Won { get; set; }

    public string Id { get; set; } = "";

    public Identity? Who { get; set; }

    public string KindWord => Kind switch
    {
        Kind.Range => "range",
        Kind.Collector => "collector",
        _ => "ordinary",
    };

    /// <summary>Large enough to be one of the "big participants" that may be made fast in an excess file.</summary>
    public bool IsLarge => Kind == Kind.Range || List.Length >= (Kind == Kind.Collector ? 100 : 200);

    public string TimingWord => Gaps switch
    {
        Gaps.Regular => "regular gaps",
        Gaps.Jittered => "jittered gaps",
        Gaps.Bursts => "bursts of " + Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "Poisson gaps",
    };
}
