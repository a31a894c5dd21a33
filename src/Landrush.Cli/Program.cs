using Landrush.Cli;

return await LandrushCli.RunAsync(args, Console.Out, Console.Error);
