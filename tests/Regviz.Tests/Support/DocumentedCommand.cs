using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Support;

/// <summary>
/// Runs a command line as documentation shows it (in --help, README.md or docs/*.md) the way a reader would: from a
/// fresh folder that holds a copy of the repository's samples/ (so samples/data/diabetes.csv and the sample
/// manifests are where the text says), two small images called expected.png and actual.png for compare, and
/// figures.yaml, a two-figure manifest, for batch. The current directory is that folder while it runs, so tests
/// using this belong to the <see cref="CurrentDirectory"/> collection.
/// </summary>
internal static class DocumentedCommand
{
    /// <summary>The longest one documented command may take on a busy 2-core machine before its test fails.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    /// <summary>Makes <paramref name="dir"/> the folder a reader of the docs is assumed to be in.</summary>
    public static void Prepare(string dir)
    {
        CopyFolder(Repository.Path("samples"), Path.Combine(dir, "samples"));
        foreach (string image in new[] { "expected.png", "actual.png" })
            Assert.Equal(0, CliRunner.Run("norm", "--size", "200", "--out", Path.Combine(dir, image)).ExitCode);
        File.WriteAllText(Path.Combine(dir, "figures.yaml"), """
            defaults: --size 300
            figures:
              - out: l1.png
                args: contour --norm l1 --lambda 0.5
              - out: ball.png
                args: norm --norm l2
            """);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string sub in Directory.GetDirectories(from)) CopyFolder(sub, Path.Combine(to, Path.GetFileName(sub)));
    }

    /// <summary>
    /// Runs the words after "regviz" from <paramref name="dir"/> and checks what every documented command promises:
    /// exit 0, and for a command that writes a file, the path it prints names a new non-empty file there.
    /// </summary>
    public static CliRunner.Result RunAndCheck(string line, string dir, string where)
    {
        var words = System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(line).ToArray();
        Assert.True(words.Length > 0 && words[0] == "regviz", $"{where}: '{line}' does not start with regviz");
        var before = Files(dir);
        string previous = Environment.CurrentDirectory;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        CliRunner.Result r;
        try
        {
            Environment.CurrentDirectory = dir;
            r = CliRunner.Run(words[1..]);
        }
        finally { Environment.CurrentDirectory = previous; }
        Assert.True(r.ExitCode == 0, $"{where}: '{line}' exited {r.ExitCode}: {r.Stderr}");
        Assert.True(clock.Elapsed < Budget, $"{where}: '{line}' took {clock.Elapsed.TotalSeconds:F0} s, more than {Budget.TotalSeconds} s");
        Assert.False(string.IsNullOrWhiteSpace(r.Stdout), $"{where}: '{line}' printed nothing");
        var made = Files(dir).Except(before).Select(f => f.Path).Distinct().ToList();
        if (words.Length > 1 && FigureCommands.Contains(words[1]) && !words.Contains("--help"))
        {
            Assert.True(made.Count > 0, $"{where}: '{line}' wrote no file");
            // the written path is printed on a line of its own (not with --json -, whose stdout is the sidecar)
            if (words[1] != "batch" && !r.Stdout.TrimStart().StartsWith('{'))
                Assert.True(r.Stdout.Split('\n').Any(l => l.Trim().Length > 0 && made.Contains(Path.GetFullPath(l.Trim(), dir))),
                    $"{where}: '{line}' printed no path of a file it wrote ({r.Stdout})");
            Assert.All(made, f => Assert.True(new FileInfo(f).Length > 0, $"{where}: '{line}' wrote an empty {f}"));
        }
        return r;
    }

    /// <summary>The commands whose whole point is a file: each documented use must write one.</summary>
    private static readonly string[] FigureCommands = ["contour", "norm", "path", "shrink", "sparsity", "animate", "explore", "batch"];

    /// <summary>Every file with its time and size: a file counts as written when it is new or either changed.</summary>
    private static HashSet<(string Path, DateTime Time, long Length)> Files(string dir) =>
        [.. Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length))];
}
