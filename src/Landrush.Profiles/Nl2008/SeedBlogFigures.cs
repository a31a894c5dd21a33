using System.Globalization;
using Landrush.Analysis;
using Landrush.Core.Enumeration;
using Landrush.Reports.Model;
using Landrush.Reports.Reproduction;

namespace Landrush.Profiles.Nl2008;

/// <summary>
/// The four figures of the March 2008 blog analysis, computed from data: names in the space, names
/// registered, names held by the two largest parties (count and share), and participants. With the
/// statements of what the data cannot support (another space, a partial harvest, participants who won
/// nothing), so that no figure is read for more than it is.
/// </summary>
/// <param name="Space">The space's spec and TLD, e.g. <c>digits:1-5 under .nl</c>.</param>
/// <param name="NamesInSpace">Names in the space.</param>
/// <param name="KnownNames">Names whose status the data knows (free or registered).</param>
/// <param name="Registered">Names registered: exact when every name is known, else estimated.</param>
/// <param name="TopTwo">Names held by the two largest parties: exact or estimated.</param>
/// <param name="TopTwoShare">Share of the registered names the two largest hold (0–1), with interval when estimated.</param>
/// <param name="Participants">Participants: known from elsewhere, or the parties holding names (a lower bound).</param>
/// <param name="ParticipantsIsLowerBound">True when only parties holding a name could be counted.</param>
/// <param name="TopTwoLabels">Labels of the two largest parties.</param>
/// <param name="Notes">What the data cannot support, one sentence each; empty when it supports all four.</param>
public sealed record SeedBlogFigures(
    string Space,
    long NamesInSpace,
    long KnownNames,
    Estimate Registered,
    Estimate TopTwo,
    Estimate TopTwoShare,
    int Participants,
    bool ParticipantsIsLowerBound,
    IReadOnlyList<string> TopTwoLabels,
    IReadOnlyList<string> Notes)
{
    /// <summary>The space the blog counted.</summary>
    public const string BlogSpace = "digits:1-5";

    public const string BlogTld = "nl";

    /// <summary>
    /// True when the data covers the blog's names (those of <c>digits:1-5</c> under <c>.nl</c>, however the spec is
    /// written: <c>[0-9]:1-5</c> or <c>digits:4-5+digits:1-3</c> are the same names): only then are the figures comparable.
    /// </summary>
    public bool IsBlogSpace { get; init; }

    /// <summary>True when the data knows the status of fewer names than the space has: the counts are estimates.</summary>
    public bool IsPartial => KnownNames < NamesInSpace;

    /// <summary>
    /// Computes the four figures. <paramref name="knownNames"/> is how many names of the space the data has
    /// a definite status for (a complete dataset: all of them); the registered names of <paramref name="allocation"/>
    /// are taken as a simple random sample of the space when it is less, which a harvest cut short by a
    /// time limit in index order is not — the note says so.
    /// </summary>
    /// <param name="allocation">The registered names whose holder shows, and their parties.</param>
    /// <param name="knownNames">Names of the space whose status the data knows.</param>
    /// <param name="holderUnknown">Registered names whose holder does not show (not in <paramref name="allocation"/>): they
    /// count as registered, and the top two may hold any of them, so the top-two count is bounded, not exact.</param>
    public static SeedBlogFigures Compute(ObservedAllocation allocation, long knownNames, long holderUnknown = 0)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var n = allocation.Space.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(knownNames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(knownNames, n);
        ArgumentOutOfRangeException.ThrowIfNegative(holderUnknown);
        ArgumentOutOfRangeException.ThrowIfLessThan(knownNames, allocation.Registered + holderUnknown);
        var notes = new List<string>();
        var space = $"{allocation.Space.Spec} under .{allocation.Tld}";
        var blogSpace = allocation.Tld == BlogTld && HoldsBlogNames(allocation.Space);
        if (!blogSpace)
        {
            notes.Add($"The blog counted {BlogSpace} under .{BlogTld} (111,110 names); this data covers {space}, so these figures are that space's and are not comparable with the blog's.");
        }

        var largest = Reports.Figures.PartyRanking.Largest(allocation, 2);
        var holdings = allocation.Holdings();
        long top = largest.Sum(p => (long)holdings[p]);
        long registered = allocation.Registered + holderUnknown;
        var (reg, topTwo, share) = knownNames == 0
            ? Unknown(n, notes)
            : Counts(allocation, knownNames, holderUnknown, top, notes);

        if (largest.Count < 2 && registered > 0)
        {
            notes.Add(largest.Count == 1 ? "Only one party holds names: the \"top two\" is that one party." : "No party holds names.");
        }

        var holding = allocation.PartiesHolding();
        var lowerBound = allocation.Participants is null;
        if (lowerBound)
        {
            notes.Add("Participants who won nothing leave no trace in registry data: the participant count is the parties holding at least one name, a lower bound.");
        }

        return new SeedBlogFigures(space, n, knownNames, reg, topTwo, share, allocation.Participants ?? holding, lowerBound,
            [.. largest.Select(p => allocation.PartyLabels[p])], notes)
        {
            IsBlogSpace = blogSpace,
        };
    }

    private static (Estimate Registered, Estimate TopTwo, Estimate Share) Unknown(long n, List<string> notes)
    {
        notes.Add("The data knows the status of no name: nothing can be counted.");
        return (new Estimate(double.NaN, 0, n), new Estimate(double.NaN, 0, n), new Estimate(double.NaN, 0, 1));
    }

    // The registered and top-two counts, exact or scaled up from the known names, and the top two's share of the registered.
    private static (Estimate Registered, Estimate TopTwo, Estimate Share) Counts(
        ObservedAllocation allocation, long knownNames, long holderUnknown, long top, List<string> notes)
    {
        var inv = CultureInfo.InvariantCulture;
        var n = allocation.Space.Count;
        long registered = allocation.Registered + holderUnknown;
        if (knownNames < n)
        {
            notes.Add(string.Create(inv,
                $"Partial data: the status of {knownNames:N0} of {n:N0} names is known ({100.0 * knownNames / n:0.0}%). Registered and top-two counts are scaled up with 95% Wilson intervals, which assume the known names are a random sample of the space; a harvest stopped part-way in name order is not, and its figures may be biased."));
        }

        var reg = Estimate.FromSample(registered, knownNames, n);
        var topTwo = Estimate.FromSample(top, knownNames, n);
        if (holderUnknown > 0)
        {
            notes.Add(string.Create(inv,
                $"{holderUnknown:N0} registered names show no holder (no registrant, registrar or name servers: e.g. names a harvest knows only from DNS). They count as registered; the top-two figures assume they are held as the names whose holder shows are, and their interval runs from none of them to all of them held by the top two."));
            var scale = (double)n / knownNames;
            var shown = allocation.Registered;
            topTwo = topTwo with
            {
                Value = shown == 0 ? double.NaN : topTwo.Value * registered / shown,
                High = Math.Min(n, topTwo.High + (holderUnknown * scale)),
                Ceiling = Math.Min(n, topTwo.Ceiling + holderUnknown),
            };
        }

        return (reg, topTwo, Share(allocation, knownNames, holderUnknown, top, notes));
    }

    private static Estimate Share(ObservedAllocation allocation, long knownNames, long holderUnknown, long top, List<string> notes)
    {
        var n = allocation.Space.Count;
        long registered = allocation.Registered + holderUnknown;
        if (registered == 0)
        {
            notes.Add("No name is registered: the top-two share is undefined.");
            return new Estimate(double.NaN, 0, 1);
        }

        if (holderUnknown > 0)
        {
            var low = knownNames == n ? (double)top / registered : Estimate.Wilson(top, registered).Low;
            var high = knownNames == n ? (double)(top + holderUnknown) / registered : Estimate.Wilson(top + holderUnknown, registered).High;
            return new Estimate(allocation.Registered == 0 ? double.NaN : (double)top / allocation.Registered, low, high);
        }

        if (knownNames == n)
        {
            return new Estimate((double)top / registered, (double)top / registered, (double)top / registered);
        }

        var (lo, hi) = Estimate.Wilson(top, registered);
        return new Estimate((double)top / registered, lo, hi);
    }

    /// <summary>
    /// True when <paramref name="space"/> holds exactly the blog's names. Decided by the names, not the spec's spelling:
    /// a space has no label twice (overlapping parts are refused), so the same count with every label among the
    /// blog's is the same set. Only a space of 111,110 names is enumerated, which is cheap.
    /// </summary>
    private static bool HoldsBlogNames(NameSpace space)
    {
        var blog = NameSpace.Parse(BlogSpace);
        return space.Count == blog.Count && space.Enumerate().All(blog.Contains);
    }

    /// <summary>The four figures as a table beside the blog's published values.</summary>
    public ReportTable ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var shareText = double.IsNaN(TopTwoShare.Value) ? "undefined"
            : TopTwoShare.IsExact ? string.Create(inv, $"{100 * TopTwoShare.Value:0.0}%")
            : string.Create(inv, $"{100 * TopTwoShare.Value:0.0}% (95% interval {100 * TopTwoShare.Low:0.0}–{100 * TopTwoShare.High:0.0}%)");
        string Blog(string v) => IsBlogSpace ? v : "(other space)";
        return new ReportTable("reproduced", "The 2008 blog's four figures, from this data",
            ["figure", "from this data", "blog, March 2008"],
            [
                ["names in the space", NamesInSpace.ToString("N0", inv), Blog("111,110")],
                ["registered", Count(Registered), Blog("11,245")],
                ["held by the two largest parties", $"{Count(TopTwo)} ({shareText})", Blog("10,096 (≈90%)")],
                ["participants", (ParticipantsIsLowerBound ? "≥ " : string.Empty) + Participants.ToString("N0", inv), Blog("108")],
            ],
            Notes.Count == 0 ? null : string.Join(" ", Notes));
    }

    private static string Count(Estimate e) => double.IsNaN(e.Value) ? "unknown" : e.ToString();
}
