namespace Landrush.Core.Model.Demand;

/// <summary>What makes a numeric label attractive (see <see cref="NameAttractiveness"/>).</summary>
[Flags]
public enum NameFeatures
{
    None = 0,

    /// <summary>Two or more characters, all the same digit: 77, 5555.</summary>
    RepeatedDigit = 1,

    /// <summary>Three or more digits counting up or down by one: 123, 4321, 6789.</summary>
    Run = 2,

    /// <summary>Four digits, a pair repeated: 1212, 4747 (not 1111).</summary>
    RepeatedPair = 4,

    /// <summary>A non-zero digit followed only by zeros: 10, 500, 1000, 20000.</summary>
    Round = 8,

    /// <summary>Four digits read as a plausible year, 1900–2030.</summary>
    Year = 16,

    /// <summary>A telephone area code of the profile's country (for nl-2008, Dutch codes such as 020, 0111).</summary>
    AreaCode = 32,

    /// <summary>Three or more digits reading the same backwards (not already a repeated digit): 121, 12321.</summary>
    Palindrome = 64,

    /// <summary>Two or more digits starting with 0, not an area code: a less natural way to write a number.</summary>
    LeadingZero = 128,
}
