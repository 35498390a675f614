using Regviz.Cli;

namespace Regviz.Tests.Cli;

/// <summary>Runs the real command tree in-process and captures what a terminal would show.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = RegvizApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString().Replace("\r", ""));
    }
}
