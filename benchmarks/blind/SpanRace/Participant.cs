namespace SpanRace;

/// <summary>One participant of a landrush: what it wants (its list, in send order), how fast it sends, and after
/// the race what it won and who it is in the registry.</summary>
internal sealed class Participant(string kind, int[] list, string description)
{
    public string Id { get; set; } = "";
    public string Kind { get; } = kind;               // "range", "ordinary" or "collector"
    public IReadOnlyList<int> List { get; } = list;   // label indices, in send order
    public string Description { get; set; } = description;

    /// <summary>Requests per unit of time.</summary>
    public double Capacity { get; set; }

    /// <summary>The multiple this party was designed at (3, 5 or 10), or null for an honest one.</summary>
    public int? DesignMultiple { get; set; }
    public double Multiple { get; set; }

    /// <summary>Time its stream starts; its k-th request arrives near Start + k / Capacity.</summary>
    public double Start { get; set; }

    /// <summary>True: gaps are 1/c jittered by ±20% (a script); false: exponential gaps (a Poisson stream).</summary>
    public bool Regular { get; set; }
    public int Won { get; set; }

    public string Registrar { get; set; } = "";
    public string Handle { get; set; } = "";
    public string AdminHandle { get; set; } = "";
    public string RegistrantName { get; set; } = "";
    public string NameServers { get; set; } = "";
}

/// <summary>A landrush to run: its participants and the design facts the truth file records.</summary>
internal sealed record Plan(string Id, string Class, int? DesignMultiple, string Scenario, List<Participant> Parties)
{
    /// <summary>The median capacity of all participants that send at least one request.</summary>
    public double Typical { get; set; }
}
