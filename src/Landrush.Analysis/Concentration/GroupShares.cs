using Landrush.Core.Enumeration;

namespace Landrush.Analysis.Concentration;

/// <summary>Shares of the parties within groups of names: by name length, by numeric block.</summary>
public static class GroupShares
{
    /// <summary>Spaces up to this many names are enumerated to count each group's names; larger ones leave the count null.</summary>
    public const long MaxCountedSpace = 10_000_000;

    /// <summary>One group per label length present in the space, shortest first.</summary>
    /// <param name="allocation">The allocation.</param>
    /// <param name="holderUnknown">Space indices of registered names whose holder does not show: registered, in no party.</param>
    public static IReadOnlyList<GroupShare> ByLength(ObservedAllocation allocation, IReadOnlyList<int>? holderUnknown = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return By<int>(allocation, label => label.Length, length => $"length {length}", holderUnknown);
    }

    /// <summary>
    /// Numeric labels read as numbers in blocks of <paramref name="blockSize"/> (<c>0-999</c>, <c>1000-1999</c>, …);
    /// labels written with a leading zero (<c>0123</c>) form their own group <c>leading zero</c>, last; labels that
    /// are not all digits are left out. Precondition: <paramref name="blockSize"/> ≥ 1.
    /// </summary>
    public static IReadOnlyList<GroupShare> ByNumericBlock(ObservedAllocation allocation, int blockSize = 1000, IReadOnlyList<int>? holderUnknown = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        const long leadingZero = long.MaxValue;
        return By<long>(
            allocation,
            label => NumericValue(label) is { } v ? v / blockSize : label.Length > 1 && IsDigits(label) ? leadingZero : (long?)null,
            block => block == leadingZero ? "leading zero" : $"{block * blockSize}-{((block + 1) * blockSize) - 1}", holderUnknown);
    }

    /// <summary>
    /// The value of a label written as a number without a leading zero (<c>0</c>, <c>2100</c>); null for
    /// anything else (<c>0123</c>, <c>a1</c>, more than 18 digits).
    /// </summary>
    public static long? NumericValue(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length is 0 or > 18 || !IsDigits(label) || (label.Length > 1 && label[0] == '0'))
        {
            return null;
        }

        return long.Parse(label, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Groups by any key of the label (null: left out), ordered by key; <paramref name="holderUnknown"/> as in <see cref="ByLength"/>.</summary>
    public static IReadOnlyList<GroupShare> By<TKey>(ObservedAllocation allocation, Func<string, TKey?> keyOf, Func<TKey, string> labelOf,
        IReadOnlyList<int>? holderUnknown = null)
        where TKey : struct, IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(labelOf);
        var holdings = new SortedDictionary<TKey, int[]>();
        for (var i = 0; i < allocation.Registered; i++)
        {
            if (keyOf(allocation.Space.NameAt(allocation.NameIndex[i])) is { } key)
            {
                if (!holdings.TryGetValue(key, out var h))
                {
                    holdings[key] = h = new int[allocation.PartyCount];
                }

                h[allocation.PartyOf[i]]++;
            }
        }

        var unknownOf = new Dictionary<TKey, int>();
        foreach (var index in holderUnknown ?? [])
        {
            if (keyOf(allocation.Space.NameAt(index)) is { } key)
            {
                unknownOf[key] = unknownOf.GetValueOrDefault(key) + 1;
                holdings.TryAdd(key, new int[allocation.PartyCount]);
            }
        }

        Dictionary<TKey, long>? spaceCounts = null;
        if (allocation.Space.Count <= MaxCountedSpace)
        {
            spaceCounts = [];
            foreach (var label in allocation.Space.Enumerate())
            {
                if (keyOf(label) is { } key)
                {
                    spaceCounts[key] = spaceCounts.GetValueOrDefault(key) + 1;
                    holdings.TryAdd(key, new int[allocation.PartyCount]);
                }
            }
        }

        return [.. holdings.Select(kv =>
        {
            var unknown = unknownOf.GetValueOrDefault(kv.Key);
            return new GroupShare(labelOf(kv.Key), spaceCounts?.GetValueOrDefault(kv.Key), kv.Value.Sum() + unknown, kv.Value, unknown);
        })];
    }

    private static bool IsDigits(string label) => label.Length > 0 && label.All(char.IsAsciiDigit);
}
