namespace Landrush.Cli.Output;

/// <summary>Standard output cannot be written (closed, or on a full disk): one line, exit code 1.</summary>
public sealed class StandardOutputException : IOException
{
    public StandardOutputException() { }

    public StandardOutputException(string message) : base(message) { }

    public StandardOutputException(string message, Exception inner) : base(message, inner) { }
}
