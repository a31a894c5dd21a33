namespace Landrush.Core;

/// <summary>
/// Bad input from the user (a malformed spec, a corrupt file, an unknown column). The CLI prints the
/// message as one line and exits with code 2; it never shows a stack trace for these.
/// </summary>
public sealed class UserInputException : Exception
{
    public UserInputException(string message) : base(message) { }

    public UserInputException(string message, Exception inner) : base(message, inner) { }

    public UserInputException() { }
}
