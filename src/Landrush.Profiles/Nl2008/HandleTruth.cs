namespace Landrush.Profiles.Nl2008;

/// <summary>Ground truth: the party a registrant handle of a reconstruction belongs to.</summary>
public sealed record HandleTruth(string RegistrantHandle, int Party);
