using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>The simulator's WHOIS limits as its DNS server states them: one line written and read back.</summary>
public class SimulatorLimitsTests
{
    [Theory]
    [InlineData(1.0, 1, 10_000, "landrush-simulator-limits whois-rate=1 whois-burst=1 whois-daily=10000")]
    [InlineData(0.5, 3, null, "landrush-simulator-limits whois-rate=0.5 whois-burst=3 whois-daily=off")]
    [InlineData(null, 1, null, "landrush-simulator-limits whois-rate=off whois-burst=1 whois-daily=off")]
    public void A_line_is_written_and_read_back(double? rate, int burst, int? daily, string line)
    {
        var limits = new SimulatorLimits(rate, burst, daily);
        Assert.Equal(line, limits.ToLine());
        Assert.Equal(limits, SimulatorLimits.TryParse(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v=spf1 -all")]
    [InlineData("% Landrush registry simulator: served by a simulator from dataset \"x\"; not a reply of the registry.")]
    public void Any_other_text_is_no_limits(string text) => Assert.Null(SimulatorLimits.TryParse(text));
}
