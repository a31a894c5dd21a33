using Landrush.Analysis.NullModels;
using Landrush.Reports.Figures;
using Landrush.Reports.Model;

namespace Landrush.Reports.Tests.Figures;

public class FigureRenderingTests
{
    private static readonly FigureSource Source = new("test data (synthetic)", 2008);

    public static TheoryData<string> FigureIds => ["lorenz", "rank-size", "length", "map", "null", "null-summary", "capacity", "capacity-unbounded", "premium", "sensitivity"];

    [Theory]
    [MemberData(nameof(FigureIds))]
    public void Every_figure_renders_a_drawn_png_and_svg_with_its_caption(string which)
    {
        var figure = Render(which);
        Assert.True(figure.IsRendered, figure.AbsentReason);
        Assert.Null(figure.AbsentReason);
        ImageChecks.AssertDrawnPng(figure.Png!);
        ImageChecks.AssertDrawnSvg(figure.Svg!);
        Assert.Contains("Source: test data (synthetic).", figure.Caption, StringComparison.Ordinal);
        Assert.Contains("Seed: 2008.", figure.Caption, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+$", figure.Id);
    }

    [Fact]
    public void The_same_input_renders_the_same_png()
    {
        Assert.Equal(Render("lorenz").Png, Render("lorenz").Png);
    }

    [Fact]
    public void A_capacity_interval_the_data_do_not_bound_is_said_so_in_the_caption()
    {
        var figure = Render("capacity-unbounded");
        Assert.Contains("Not bounded from above by the data (arrow): A.", figure.Caption, StringComparison.Ordinal);
        Assert.DoesNotContain("Not bounded", Render("capacity").Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Lorenz_title_carries_the_gini_of_the_holdings()
    {
        // Four parties, one holding everything: G = Σ(2i−n−1)h₍ᵢ₎/(nΣh) = (8−5)·4/(4·4) = 0.75.
        var figure = LorenzFigure.Render([0, 0, 4, 0], Source);
        Assert.Contains("Gini 0.750", figure.Title, StringComparison.Ordinal);
        // Equal holdings: G = 0.
        Assert.Contains("Gini 0.000", LorenzFigure.Render([3, 3, 3], Source).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Degenerate_holdings_give_absent_figures_with_reasons()
    {
        AssertAbsent(LorenzFigure.Render([], Source), "no name with a known holder");
        AssertAbsent(LorenzFigure.Render([0, 0], Source), "no name with a known holder");
        AssertAbsent(LorenzFigure.Render([7], Source), "only one party");
        AssertAbsent(RankSizeFigure.Render([7, 0, 0], Source), "only one party");
        AssertAbsent(RankSizeFigure.Render([], Source), "no name with a known holder");
        AssertAbsent(NullModelFigure.Render(new NullModelDistribution("uniform lottery", [], 0.9), Source), "no run");
        AssertAbsent(NullModelFigure.Render(new NullModelDistribution("uniform lottery", [0.1, 0.2], double.NaN), Source), "undefined");
        AssertAbsent(NullModelFigure.Render(NullModelDistribution.FromSummary("equal capacity", 10_000, 0.898, 0.62, 0.55, 0.69, 0.0001), Source), "only a summary");
        AssertAbsent(CapacityFigure.Render([], "the median participant", "95% interval", Source), "no capacity");
        AssertAbsent(PremiumCaptureFigure.Render([new PremiumCapture("3-digit names", double.NaN)], "the two largest", "fair", Source), "no share");
        AssertAbsent(SensitivityFigure.Render([], "x (×)", Source), "no sensitivity run");
        AssertAbsent(OwnershipMapFigure.Render(null, Source), "four-digit");
        AssertAbsent(OwnershipMapFigure.Render(new OwnershipGrid(Enumerable.Repeat(-1, 10_000).ToArray(), ["other parties"]), Source), "no four-digit name");
    }

    [Fact]
    public void Null_model_figure_id_is_a_safe_slug_of_the_model_name()
    {
        Assert.Equal("null-cr2-equal-capacity-fcfs", NullModelFigure.IdOf("Equal-capacity FCFS"));
        Assert.Equal("null-cr2-lottery-over-wish-lists", NullModelFigure.IdOf("lottery over wish lists (k=5)").Replace("-k-5", string.Empty, StringComparison.Ordinal));
    }

    private static void AssertAbsent(ReportFigure figure, string reason)
    {
        Assert.False(figure.IsRendered);
        Assert.Null(figure.Png);
        Assert.Null(figure.Svg);
        Assert.Contains(reason, figure.AbsentReason, StringComparison.Ordinal);
    }

    internal static ReportFigure Render(string which)
    {
        var a = Allocations.Reconstruction;
        return which switch
        {
            "lorenz" => LorenzFigure.Render(a.Holdings(), Source),
            "rank-size" => RankSizeFigure.Render(a.Holdings(), Source),
            "length" => LengthFigure.Render(LengthBreakdown.FromAllocation(a), Source),
            "map" => OwnershipMapFigure.Render(OwnershipGrid.FromAllocation(a), Source),
            "null" => NullModelFigure.Render(new NullModelDistribution("uniform lottery",
                [.. Enumerable.Range(0, 500).Select(i => 0.03 + (0.01 * Math.Sin(i)))], 0.898, 1.0 / 501), Source),
            "null-summary" => NullModelFigure.Render(NullModelDistribution.FromSummary("equal capacity", 10_000, 0.898, 0.62, 0.55, 0.69, 0.0001)
                with
            { Histogram = RunHistogram.Of(Enumerable.Range(0, 10_000).Select(i => 0.55 + (0.14 * ((i * 7919) % 10_000) / 10_000.0))) }, Source),
            "capacity-unbounded" => CapacityFigure.Render([new("A", 40, 30, double.NaN), new("B", 9, 7, 12)], "a typical participant", "95% interval", Source),
            "capacity" => CapacityFigure.Render([new("A", 40, 30, 55), new("B", 90, 70, 120), new("3", 1.2, 0.8, 1.6)],
                "the median participant", "95% interval", Source),
            "premium" => PremiumCaptureFigure.Render([new("1-digit", 0.1, 0.3, 0.1, 0.5), new("3-digit", 0.85, 0.4, 0.3, 0.5), new("4-digit", 0.92)],
                "the two largest parties", "equal-capacity FCFS", Source),
            "sensitivity" => SensitivityFigure.Render([new("baseline", 40, 30, 55), new("wish lists ×2", 35, 25, 45), new("no latency", 44)],
                "capacity multiple of the largest party (×)", Source),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
    }
}
