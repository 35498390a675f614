using System.Runtime.InteropServices;
using Regviz.Cli;

// Ctrl-C cancels the run instead of killing the process at once, so its temporary files can be removed (exit 130)
using var interrupt = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});
return RegvizApp.Run(args, Console.Out, Console.Error, interrupt.Token);
