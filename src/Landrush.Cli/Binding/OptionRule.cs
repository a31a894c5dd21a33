namespace Landrush.Cli.Binding;

/// <summary>
/// How the command line says a library's refusal of one parameter (<see cref="OptionErrors"/>): the option that set
/// <paramref name="Parameter"/>, its value as given and why it is refused, in the user's words.
/// </summary>
/// <param name="Parameter">The options record's property the library's check names.</param>
/// <param name="Option">The option that sets it, e.g. <c>--sims</c>.</param>
/// <param name="Value">The value given.</param>
/// <param name="Why">What the value must be, after the option and its value.</param>
internal sealed record OptionRule(string Parameter, string Option, object? Value, string Why);
