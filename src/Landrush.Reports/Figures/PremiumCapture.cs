namespace Landrush.Reports.Figures;

/// <summary>
/// The share of one class of names (short names, area codes, repeated digits …) the largest parties hold,
/// beside what a fair model gives them: capture of the names many wanted is what capacity buys.
/// </summary>
/// <param name="NameClass">The class, e.g. <c>3-digit names</c>.</param>
/// <param name="Observed">Observed share of the class held by the parties in question, 0–1.</param>
/// <param name="Fair">The fair model's expected share, 0–1, or NaN when not computed.</param>
/// <param name="FairLow">Lower end of the fair model's interval, 0–1, or NaN.</param>
/// <param name="FairHigh">Upper end of the fair model's interval, 0–1, or NaN.</param>
public sealed record PremiumCapture(string NameClass, double Observed, double Fair = double.NaN, double FairLow = double.NaN, double FairHigh = double.NaN);
