namespace Landrush.Core.Whois;

/// <summary>
/// The one line every reply of Landrush's registry simulator carries, so that no harvest of the simulator
/// can be mistaken for registry data: it names the dataset served and says when that dataset is synthetic.
/// A harvester finds it with <see cref="TryFind"/> and carries it into its export's provenance.
/// </summary>
/// <param name="Dataset">The dataset's name (a file name), as the simulator was told it.</param>
/// <param name="Synthetic">True when the dataset's provenance says synthetic (<c>provenance=synthetic…</c>).</param>
public sealed record SimulatorNotice(string Dataset, bool Synthetic)
{
    /// <summary>How the line starts. <c>%</c> is no label, so a reader never takes the line for a field.</summary>
    public const string Prefix = "% Landrush registry simulator:";

    private const string SyntheticTail = "; the dataset is SYNTHETIC, not registry data.";
    private const string RealTail = "; not a reply of the registry.";

    /// <summary>The notice line, without indentation or line end.</summary>
    public string ToLine() =>
        $"{Prefix} served by a simulator from dataset \"{Clean(Dataset)}\"{(Synthetic ? SyntheticTail : RealTail)}";

    /// <summary>Finds the notice in a reply's text (any indentation, any line end); null when there is none.</summary>
    public static SimulatorNotice? TryFind(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        foreach (var raw in reply.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var open = line.IndexOf('"', StringComparison.Ordinal);
            var close = open < 0 ? -1 : line.IndexOf('"', open + 1);
            if (close < 0)
            {
                return null;
            }

            return new SimulatorNotice(line[(open + 1)..close], line.EndsWith(SyntheticTail, StringComparison.Ordinal));
        }

        return null;
    }

    // The name is quoted on one line: no quote, no control character.
    private static string Clean(string name) =>
        new([.. name.Select(c => c == '"' || char.IsControl(c) ? '_' : c)]);
}
