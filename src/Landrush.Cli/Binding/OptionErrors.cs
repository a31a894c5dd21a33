using System.Globalization;
using Landrush.Core;

namespace Landrush.Cli.Binding;

/// <summary>
/// The one place where a library's check of its options record becomes the command line's one-line error (exit 2): the
/// record decides what is valid (its <c>Validate</c> or its setters), this says it with the option's name and value.
/// </summary>
internal static class OptionErrors
{
    /// <summary>
    /// The value <paramref name="make"/> builds and checks; a refusal of a parameter that a rule names becomes
    /// <c>OPTION VALUE: WHY</c>. Any other refusal is a fault of the program, not of the input, and is left to propagate.
    /// </summary>
    public static T Checked<T>(Func<T> make, params OptionRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(make);
        try
        {
            return make();
        }
        catch (ArgumentOutOfRangeException e) when (rules.FirstOrDefault(r => r.Parameter == e.ParamName) is { } rule)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"{rule.Option} {rule.Value}: {rule.Why}"), e);
        }
    }
}
