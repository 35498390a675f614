using System.Runtime.InteropServices;
using Regviz.Cli;
using Regviz.Cli.Startup;

// before anything draws: Skia's Linux font manager would otherwise read every font of the machine (SkiaFontScan)
SkiaFontScan.Skip();

// Ctrl-C (SIGINT) and SIGTERM (a CI job's timeout, `kill`) cancel the run instead of killing the process at once, so
// its temporary files and folders are removed; the exit code is the shell's for the signal (130, 143)
using var interrupt = new CancellationTokenSource();
int signalled = 0;
PosixSignalRegistration Stop(PosixSignal signal, int code) => PosixSignalRegistration.Create(signal, context =>
{
    context.Cancel = true;
    Interlocked.CompareExchange(ref signalled, code, 0);
    interrupt.Cancel();
});
using var sigint = Stop(PosixSignal.SIGINT, 130);
using var sigterm = Stop(PosixSignal.SIGTERM, 143);
int exit = RegvizApp.Run(args, Console.Out, Console.Error, interrupt.Token);
// once more at the very end: a figure's thread still running when the run was cancelled may have written after the
// first clean-up
if (exit == RegvizApp.Interrupted) Regviz.Core.IO.TempFiles.AbandonAll();
return exit == RegvizApp.Interrupted && signalled != 0 ? signalled : exit;
