using Landrush.Reports.Figures;

namespace Landrush.Reports.Tests.Figures;

public class FigureDataTests
{
    [Fact]
    public void Ownership_grid_puts_each_four_digit_name_in_its_cell_and_groups_the_rest()
    {
        // Party 0 holds 0000 and 0001, party 1 holds 9999, party 2 holds 1234; top 2 (ties to the lower number) → party 2 is "other".
        var a = Allocations.Of("digits:1-5", [("0000", 0), ("0001", 0), ("9999", 1), ("1234", 2), ("55555", 0)], ["x", "y", "z"]);
        var grid = OwnershipGrid.FromAllocation(a, top: 2)!;
        Assert.Equal(["party x", "party y", "other parties"], grid.Groups);
        Assert.Equal(10_000, grid.Cells.Count);
        Assert.Equal(0, grid.Cells[0]);
        Assert.Equal(0, grid.Cells[1]);
        Assert.Equal(1, grid.Cells[9999]);
        Assert.Equal(2, grid.Cells[1234]);
        Assert.Equal(4, grid.Cells.Count(c => c >= 0));
    }

    [Fact]
    public void Ownership_grid_is_null_for_a_space_without_all_four_digit_names()
    {
        Assert.Null(OwnershipGrid.FromAllocation(Allocations.Of("digits:1-3", [("123", 0)], ["x"])));
        Assert.Null(OwnershipGrid.FromAllocation(Allocations.Of("letters:4", [("abcd", 0)], ["x"])));
    }

    [Fact]
    public void Reconstruction_map_shows_the_two_range_parties_holding_most_four_digit_names()
    {
        var grid = OwnershipGrid.FromAllocation(Allocations.Reconstruction)!;
        var held = grid.Cells.Count(c => c >= 0);
        var topTwo = grid.Cells.Count(c => c is 0 or 1);
        Assert.True(held > 1000, $"{held} four-digit names held");
        Assert.True(topTwo > held / 2, $"the two largest hold {topTwo} of {held}");
    }

    [Fact]
    public void Length_breakdown_counts_names_per_length_and_holdings_per_group()
    {
        var a = Allocations.Reconstruction;
        var b = LengthBreakdown.FromAllocation(a);
        Assert.Equal([1, 2, 3, 4, 5], b.Rows.Select(r => r.Length));
        Assert.Equal([10L, 100, 1_000, 10_000, 100_000], b.Rows.Select(r => r.NamesOfLength));
        Assert.Equal(a.Registered, b.Rows.Sum(r => r.HeldByGroup.Sum()));
        var holdings = a.Holdings().OrderDescending().ToArray();
        Assert.Equal(holdings[0], b.Rows.Sum(r => r.HeldByGroup[0]));
        Assert.Equal(holdings[1], b.Rows.Sum(r => r.HeldByGroup[1]));
        // Independent count: names of length 3 in the allocation.
        var threes = a.NameIndex.Count(i => a.Space.NameAt(i).Length == 3);
        Assert.Equal(threes, b.Rows[2].HeldByGroup.Sum());
    }

    [Fact]
    public void Registered_names_whose_holder_does_not_show_are_their_own_column_not_free()
    {
        // digits:1: "0" and "1" held by A and B, "2" and "3" registered with no holder facts (known only from DNS).
        var a = Allocations.Of("digits:1", [("0", 0), ("1", 1)], ["A", "B"]);
        var inputs = SampleReports.Inputs(a) with { HolderUnknownNames = [2, 3] };
        var report = Landrush.Reports.Building.ReportBuilder.Build(inputs);
        var table = report.Tables.Single(t => t.Id == "holdings-by-length");
        Assert.Equal(["registered, holder unknown", "free or unknown"], table.Columns.TakeLast(2));
        Assert.Equal(["2", "6"], table.Rows.Single().TakeLast(2));
        Assert.Contains("or registered with a holder that does not show (2 names, not drawn). 2 registered names whose holder shows",
            report.Figures.Single(f => f.Id == LengthFigure.Id).Caption, StringComparison.Ordinal);

        // On the map of 0000–9999 they are their own colour, not "free".
        var four = Allocations.Of("digits:4", [("0000", 0), ("0001", 1)], ["A", "B"]);
        var grid = OwnershipGrid.FromAllocation(four, holderUnknown: [2])!;
        Assert.Equal([0, 1, OwnershipGrid.HolderUnknown, -1], grid.Cells.Take(4));
        var map = OwnershipMapFigure.Render(grid, new FigureSource("s", null));
        Assert.True(map.IsRendered, map.AbsentReason);
        Assert.Contains("2 of 10,000 four-digit names are held by a party that shows; 1 more are registered with a holder that does not show (grey).", map.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_names_source_and_seed_or_says_nothing_was_drawn()
    {
        Assert.Equal("X. Source: s. Seed: 7.", new FigureSource("s", 7).Caption("X."));
        Assert.Equal("X. Source: s. Seed: none (no random draw).", new FigureSource("s", null).Caption("X."));
    }
}
