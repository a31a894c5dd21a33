using Landrush.Cli;

return await ConsoleHost.MainAsync(args);
