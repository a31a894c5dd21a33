using System.CommandLine;
using Landrush.Analysis.Indicators;
using Landrush.Analysis.Parties;
using Landrush.Analysis.Verdict;
using Landrush.Cli.Binding;
using Landrush.Core;

namespace Landrush.Cli.Tests.Binding;

/// <summary>
/// The analysis options read their defaults from the libraries' options records and leave the checks to them: a
/// default changed in a record is the command line's default at once, and every refusal is still the one-line contract.
/// </summary>
public sealed class AnalysisOptionsTests
{
    private static AnalyzeSettings Settings(params string[] args)
    {
        var options = new AnalysisOptions();
        var command = new Command("analyze");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var parsed = command.Parse(["--data", "x.csv", .. args]);
        Assert.Empty(parsed.Errors);
        return options.Settings(parsed);
    }

    [Fact]
    public void No_option_given_is_the_libraries_defaults()
    {
        var settings = Settings();

        // Records compare every property: one default retyped differently on the command line fails here.
        Assert.Equal(new VerdictOptions(), settings.Verdict);
        Assert.Equal(new PartyResolutionOptions(), settings.Parties);
        Assert.Equal(new IndicatorOptions(), settings.Indicators);
    }

    [Fact]
    public void Options_given_reach_the_records()
    {
        var settings = Settings("--sims", "250", "--excess-threshold", "3.5", "--alpha", "0.05", "--seed", "9", "--party-key", "registrar",
            "--shared-hosting", "4", "--participants", "20", "--block", "10-99", "--top", "5");
        Assert.Equal(new VerdictOptions { Sims = 250, ExcessThreshold = 3.5, Alpha = 0.05, Seed = 9 }, settings.Verdict);
        Assert.Equal(new PartyResolutionOptions { Key = PartyKey.Registrar, SharedHostingThreshold = 4, Participants = 20 }, settings.Parties);
        Assert.Equal(new IndicatorOptions { Block = new NumericBlock(10, 99), TopParties = 5 }, settings.Indicators);
    }

    [Theory]
    [InlineData("--sims", "99", "--sims 99: at least 100 runs are needed (a p-value from fewer cannot go below 0.01)")]
    [InlineData("--sims", "-5", "--sims -5: at least 100 runs are needed (a p-value from fewer cannot go below 0.01)")]
    [InlineData("--sims", "1000001", "--sims 1000001: at most 1,000,000 runs per null model")]
    [InlineData("--excess-threshold", "0.5", "--excess-threshold 0.5: must be a finite number of at least 1")]
    [InlineData("--excess-threshold", "NaN", "--excess-threshold NaN: must be a finite number of at least 1")]
    [InlineData("--excess-threshold", "Infinity", "--excess-threshold Infinity: must be a finite number of at least 1")]
    [InlineData("--alpha", "0", "--alpha 0: must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "0.001", "--alpha 0.001: must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "0.0033", "--alpha 0.0033: must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "1", "--alpha 1: must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "NaN", "--alpha NaN: must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--shared-hosting", "0", "--shared-hosting 0: must be at least 1")]
    [InlineData("--participants", "0", "--participants 0: must be at least 1")]
    [InlineData("--participants", "10001", "--participants 10001: at most 10,000 (every null-model run draws for each participant)")]
    [InlineData("--top", "0", "--top 0: must be at least 1")]
    [InlineData("--block", "9-1", "--block '9-1': want LOW-HIGH with 0 <= LOW <= HIGH, e.g. 0-2100")]
    public void A_value_the_library_refuses_is_one_line_naming_the_option(string option, string value, string message)
    {
        var e = Assert.Throws<UserInputException>(() => Settings(option, value));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("--alpha", "0.99999999999999999999", "--alpha 0.99999999999999999999 (read as 1): must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "0.9999999999999999999999999999999999", "--alpha 0.9999999999999999999999999999999999 (read as 1): must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "1e400", "--alpha 1e400 (read as Infinity): must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--alpha", "10E-1", "--alpha 10E-1: must be at least 1/301 (about 0.003322, the smallest p-value of the verdict's 300 test runs) and below 1")]
    [InlineData("--excess-threshold", "0.99999999999999994", "--excess-threshold 0.99999999999999994 (read as 0.9999999999999999): must be a finite number of at least 1")]
    public void A_value_refused_as_read_says_what_it_was_read_as_when_that_is_another_number(string option, string value, string message)
    {
        // A double keeps about 17 digits: "--alpha 1: ... below 1" answered a value typed below 1.
        var e = Assert.Throws<UserInputException>(() => Settings(option, value));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_first_refusal_is_said_in_the_order_of_the_options_checks()
    {
        // Too many runs is said before a bad threshold, a bad threshold before a bad party option, and that before --top.
        Assert.StartsWith("--sims 2000000:", Assert.Throws<UserInputException>(() => Settings("--sims", "2000000", "--excess-threshold", "0")).Message, StringComparison.Ordinal);
        Assert.StartsWith("--excess-threshold 0:", Assert.Throws<UserInputException>(() => Settings("--excess-threshold", "0", "--shared-hosting", "0")).Message, StringComparison.Ordinal);
        Assert.StartsWith("--shared-hosting 0:", Assert.Throws<UserInputException>(() => Settings("--participants", "0", "--shared-hosting", "0", "--top", "0")).Message, StringComparison.Ordinal);
        Assert.StartsWith("--top 0:", Assert.Throws<UserInputException>(() => Settings("--top", "0", "--block", "x")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--excess-threshold", "2,5", "option '--excess-threshold': '2,5' is not a number (write a decimal point, not a comma)")]
    [InlineData("--alpha", "0,05", "option '--alpha': '0,05' is not a number (write a decimal point, not a comma)")]
    [InlineData("--alpha", "1e-400", "option '--alpha': '1e-400' is too small to represent")]
    [InlineData("--alpha", "0x10", "option '--alpha': '0x10' is not a number")]
    public void A_number_is_read_as_typed_with_no_thousands_separator(string option, string value, string message)
    {
        // The library's parser read "2,5" as 25 and "1e-400" as 0: a threshold or a rate other than the one typed.
        var options = new AnalysisOptions();
        var command = new Command("analyze");
        foreach (var o in options.All)
        {
            command.Options.Add(o);
        }

        var parsed = command.Parse(["--data", "x.csv", option, value]);
        Assert.Equal(message, Assert.Single(parsed.Errors).Message);
        Assert.Equal(new VerdictOptions { ExcessThreshold = 2.5, Alpha = 0.05 }, Settings("--excess-threshold", "2.5e0", "--alpha", "5E-2").Verdict);
    }
}
