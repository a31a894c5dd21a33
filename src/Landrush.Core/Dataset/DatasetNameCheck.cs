using System.Diagnostics.CodeAnalysis;
using Landrush.Core.Enumeration;

namespace Landrush.Core.Dataset;

/// <summary>
/// The one check of a dataset's names against its declaration: each name is a name of the declared space
/// under the declared TLD, and none appears twice. <see cref="RegistryDatasetReader"/> applies it row by row
/// as it streams a file; the analysis applies it to rows built in memory, so both refuse the same rows with
/// the same words. Memory is one bit per name of the space, in pages allocated when first touched: a
/// partial harvest of a huge space costs only what it holds.
/// </summary>
public sealed class DatasetNameCheck
{
    private readonly string _suffix;
    private readonly string _spec;
    private readonly string _tld;
    private readonly NameSpaceBits _seen;

    public DatasetNameCheck(RegistryDatasetHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        // Indexed in the canonical order of the space's parts, so the index also serves analyses that read consecutive names.
        Space = header.Space.Canonical();
        _spec = header.Space.Spec;
        _tld = header.Tld;
        _suffix = "." + header.Tld;
        _seen = new NameSpaceBits(Space.Count);
    }

    /// <summary>The declared space in canonical part order: the space <see cref="TryAdd(string, out long, out string?)"/>'s index is in.</summary>
    public NameSpace Space { get; }

    /// <summary>
    /// Records <paramref name="name"/> as seen and gives its index in <see cref="Space"/>; false with the
    /// problem in words (outside the space, or a duplicate) when the dataset may not hold it.
    /// </summary>
    public bool TryAdd(DomainName name, out long index, [NotNullWhen(false)] out string? problem) =>
        TryAdd(name.ToString(), out index, out problem);

    /// <inheritdoc cref="TryAdd(DomainName, out long, out string?)"/>
    public bool TryAdd(string name, out long index, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        var label = name.EndsWith(_suffix, StringComparison.Ordinal) ? name[..^_suffix.Length] : null;
        index = label is null ? -1 : Space.IndexOf(label);
        if (index < 0)
        {
            problem = Outside(name);
            return false;
        }

        if (!_seen.Add(index))
        {
            problem = $"duplicate name '{name}'";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The words for a name the space does not hold (one that is not even a domain name included).</summary>
    public string Outside(string name) => $"'{name}' is outside the declared space {_spec} under .{_tld}";

    /// <summary>One bit per name of the space, in pages allocated when first touched.</summary>
    private sealed class NameSpaceBits(long count)
    {
        private const int PageBits = 1 << 20;
        private readonly Dictionary<long, ulong[]> _pages = [];
        private long _lastPage = -1;
        private ulong[]? _last;

        public long Count { get; } = count;

        /// <summary>Sets the bit of <paramref name="index"/>; false when it was already set.</summary>
        public bool Add(long index)
        {
            var page = index / PageBits;
            if (page != _lastPage)
            {
                if (!_pages.TryGetValue(page, out _last))
                {
                    _last = new ulong[PageBits / 64];
                    _pages[page] = _last;
                }

                _lastPage = page;
            }

            var bit = index % PageBits;
            var mask = 1UL << (int)(bit & 63);
            ref var word = ref _last![bit >> 6];
            if ((word & mask) != 0)
            {
                return false;
            }

            word |= mask;
            return true;
        }
    }
}
