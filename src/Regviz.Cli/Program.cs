using Regviz.Cli;

return RegvizApp.Run(args, Console.Out, Console.Error);
