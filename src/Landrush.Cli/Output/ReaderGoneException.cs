namespace Landrush.Cli.Output;

/// <summary>
/// Whoever read standard output has gone (a closed pipe, as after <c>| head -1</c>): the command stops
/// quietly with exit code 141 (128 + SIGPIPE), as other Unix tools do.
/// </summary>
public sealed class ReaderGoneException : IOException
{
    public ReaderGoneException() : base("the reader of standard output has gone") { }

    public ReaderGoneException(string message) : base(message) { }

    public ReaderGoneException(string message, Exception inner) : base(message, inner) { }
}
