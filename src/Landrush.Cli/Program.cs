using System.Text;
using Landrush.Cli;

// Console.Out flushes on every write, which makes listing millions of names syscall-bound;
// a buffered writer is flushed once at the end (progress and errors go to stderr unbuffered).
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var code = await LandrushCli.RunAsync(args, stdout, Console.Error);
await stdout.FlushAsync();
return code;
