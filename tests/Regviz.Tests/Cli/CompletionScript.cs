using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>A shell's completion script as <c>regviz completion SHELL</c> prints it, written to a file to source (shared with Regviz.ToolTests).</summary>
internal static class CompletionScript
{
    public static string Write(string dir, string shell)
    {
        var r = CliRunner.Run("completion", shell);
        Assert.True(r.ExitCode == 0, r.Stderr);
        string path = Path.Combine(dir, "regviz." + shell);
        File.WriteAllText(path, r.Stdout);
        return path;
    }
}
