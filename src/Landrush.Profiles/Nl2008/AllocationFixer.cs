using Landrush.Core.Model;

namespace Landrush.Profiles.Nl2008;

/// <summary>
/// The deterministic fixes a calibration applies after the model run. Every move hands a name to a party
/// that asked for it — the Fcfs runner-up when eligible, else the eligible requester listed first — and
/// names are taken latest-registered first (the most marginal wins). Which names are registered never changes.
/// </summary>
internal sealed class AllocationFixer
{
    private readonly int[] _winner;
    private readonly int[] _runnerUp;
    private readonly int[] _wins;
    private readonly bool[] _inBlock;
    private readonly int[] _blockWins;
    private readonly int[][] _lists;
    private readonly HashSet<int>[] _wants;
    private readonly int[] _requesterStart;
    private readonly int[] _requesters;
    private readonly int[] _latestFirst;

    public AllocationFixer(AllocationOutcome outcome, int[][] lists, bool[] inBlock)
    {
        var names = outcome.NameCount;
        _lists = lists;
        _inBlock = inBlock;
        _winner = new int[names];
        _runnerUp = new int[names];
        _wins = new int[lists.Length];
        _blockWins = new int[lists.Length];
        for (var n = 0; n < names; n++)
        {
            _winner[n] = outcome.WinnerOf(n);
            _runnerUp[n] = outcome.RunnerUpOf(n);
            if (_winner[n] >= 0)
            {
                _wins[_winner[n]]++;
                _blockWins[_winner[n]] += inBlock[n] ? 1 : 0;
            }
        }

        _wants = [.. lists.Select(l => l.ToHashSet())];
        // Requesters of each name, by participant position (compressed rows).
        _requesterStart = new int[names + 1];
        foreach (var l in lists)
        {
            foreach (var n in l)
            {
                _requesterStart[n + 1]++;
            }
        }

        for (var n = 0; n < names; n++)
        {
            _requesterStart[n + 1] += _requesterStart[n];
        }

        _requesters = new int[_requesterStart[names]];
        var fill = (int[])_requesterStart.Clone();
        for (var p = 0; p < lists.Length; p++)
        {
            foreach (var n in lists[p])
            {
                _requesters[fill[n]++] = p;
            }
        }

        _latestFirst = [.. Enumerable.Range(0, names).Where(n => _winner[n] >= 0).OrderByDescending(outcome.RegistrationRank)];
    }

    public int[] Winners => _winner;

    public int WinsOf(int p) => _wins[p];

    public int BlockCount(int p) => _blockWins[p];

    /// <summary>
    /// Brings the block holdings of <paramref name="parties"/> to exactly <paramref name="targets"/>. The
    /// first party (the range party that wants the whole block) is the counterparty: each other block party
    /// under target takes names it asked for from it (or from a party outside the four that keeps another
    /// name), and each over target hands names back to it. Then the first party itself takes from, or gives to,
    /// parties outside the four.
    /// </summary>
    public int FixBlock(int[] parties, IReadOnlyList<int> targets)
    {
        var sink = parties[0];
        var moves = 0;
        bool Outside(int p) => !parties.Contains(p);
        for (var k = 1; k < parties.Length; k++)
        {
            var d = parties[k];
            foreach (var n in _latestFirst)
            {
                if (_blockWins[d] >= targets[k])
                {
                    break;
                }

                var h = _winner[n];
                if (_inBlock[n] && _wants[d].Contains(n) && (h == sink || (Outside(h) && _wins[h] >= 2)))
                {
                    Move(n, d);
                    moves++;
                }
            }

            foreach (var n in _latestFirst)
            {
                if (_blockWins[d] <= targets[k])
                {
                    break;
                }

                if (_inBlock[n] && _winner[n] == d && _wants[sink].Contains(n))
                {
                    Move(n, sink);
                    moves++;
                }
            }
        }

        foreach (var n in _latestFirst)
        {
            if (_blockWins[sink] >= targets[0])
            {
                break;
            }

            var h = _winner[n];
            if (_inBlock[n] && h != sink && Outside(h) && _wins[h] >= 2 && _wants[sink].Contains(n))
            {
                Move(n, sink);
                moves++;
            }
        }

        foreach (var n in _latestFirst)
        {
            if (_blockWins[sink] <= targets[0])
            {
                break;
            }

            if (_inBlock[n] && _winner[n] == sink)
            {
                var r = Recipient(n, Outside);
                if (r >= 0)
                {
                    Move(n, r);
                    moves++;
                }
            }
        }

        return moves;
    }

    /// <summary>
    /// Gives every party the run left empty-handed its most wanted name held by a range party outside the
    /// block; failing that, its most wanted name whose holder keeps another. Returns the moves, or −1
    /// when some party can be given none of the names it asked for.
    /// </summary>
    public int FixZeroHolders(int a, int b)
    {
        var moves = 0;
        for (var p = 0; p < _lists.Length; p++)
        {
            if (_wins[p] > 0)
            {
                continue;
            }

            var name = _lists[p].FirstOrDefault(n => !_inBlock[n] && (_winner[n] == a || _winner[n] == b), -1);
            if (name < 0)
            {
                // Else from anyone who keeps a name (the block fix, which runs next, restores the block counts).
                name = _lists[p].FirstOrDefault(n => _wins[_winner[n]] >= 2, -1);
            }

            if (name < 0)
            {
                return -1;
            }

            Move(name, p);
            moves++;
        }

        return moves;
    }

    /// <summary>Brings the two range parties' total to <paramref name="target"/> with moves outside the block.</summary>
    public int FixTopTwo(int a, int b, int target)
    {
        var moves = 0;
        foreach (var n in _latestFirst)
        {
            var total = _wins[a] + _wins[b];
            if (total == target)
            {
                break;
            }

            if (_inBlock[n])
            {
                continue;
            }

            var h = _winner[n];
            if (total > target && (h == a || h == b))
            {
                var r = Recipient(n, p => p != a && p != b);
                if (r >= 0)
                {
                    Move(n, r);
                    moves++;
                }
            }
            else if (total < target && h != a && h != b && _wins[h] >= 2)
            {
                var r = Recipient(n, p => p == a || p == b);
                if (r >= 0)
                {
                    Move(n, r);
                    moves++;
                }
            }
        }

        return moves;
    }

    /// <summary>What is not as targeted; empty when every target holds exactly.</summary>
    public List<string> Problems(int a, int b, int topTwo, int[] blockParties, IReadOnlyList<int> blockTargets)
    {
        var problems = new List<string>();
        if (_wins[a] + _wins[b] != topTwo)
        {
            problems.Add($"two range parties hold {_wins[a] + _wins[b]}, not {topTwo}");
        }

        var others = _wins.Where((_, p) => p != a && p != b).Max();
        if (others >= Math.Min(_wins[a], _wins[b]))
        {
            problems.Add("the range parties are not the two largest");
        }

        if (_wins.Any(w => w == 0))
        {
            problems.Add($"{_wins.Count(w => w == 0)} parties hold nothing");
        }

        for (var k = 0; k < blockParties.Length; k++)
        {
            if (_blockWins[blockParties[k]] != blockTargets[k])
            {
                problems.Add($"block party {k} holds {_blockWins[blockParties[k]]}, not {blockTargets[k]}");
            }
        }

        return problems;
    }

    private int Recipient(int name, Func<int, bool> eligible)
    {
        var ru = _runnerUp[name];
        if (ru >= 0 && ru != _winner[name] && eligible(ru))
        {
            return ru;
        }

        for (var k = _requesterStart[name]; k < _requesterStart[name + 1]; k++)
        {
            var p = _requesters[k];
            if (p != _winner[name] && eligible(p))
            {
                return p;
            }
        }

        return -1;
    }

    private void Move(int name, int to)
    {
        var from = _winner[name];
        _wins[from]--;
        _wins[to]++;
        if (_inBlock[name])
        {
            _blockWins[from]--;
            _blockWins[to]++;
        }

        _winner[name] = to;
    }
}
