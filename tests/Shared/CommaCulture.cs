using System.Globalization;

namespace Landrush.Testing;

/// <summary>
/// Runs a test's action with the current culture (and UI culture) set to one that writes numbers as de-DE does (decimal
/// comma, thousands point) and times with a point, then puts the old ones back: text meant to be invariant must not
/// change under it. Not de-DE itself: the build runs in invariant globalization mode, where no named culture can be made.
/// </summary>
internal static class CommaCulture
{
    public static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        culture.DateTimeFormat.TimeSeparator = ".";
        return culture;
    }

    public static T Run<T>(Func<T> act)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Create();
        try
        {
            return act();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> act)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Create();
        try
        {
            return await act();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
