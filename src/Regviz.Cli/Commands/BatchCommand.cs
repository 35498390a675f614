using System.CommandLine;
using System.Diagnostics;
using Regviz.Cli.Batch;
using Regviz.Cli.Options;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz batch MANIFEST</c>: every figure of a post from one file, in parallel; with <c>--check</c>, a
/// regression test against golden images. Exit 0 all good, 1 a difference or missing golden, 2 a figure
/// that could not be made.
/// </summary>
internal sealed class BatchCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly Argument<string> _manifest = new("MANIFEST") { Description = "YAML (or JSON) manifest: optional 'defaults' words, and 'figures' each with 'out' and 'args'" };
    private readonly Option<string?> _outDir = new("--out", "-o") { Description = "Folder for the figures (default: the current directory; with --check, a temporary folder)", HelpName = "DIR" };
    private readonly Option<int> _jobs = new("--jobs", "-j") { Description = "Figures rendered at once", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
    private readonly Option<string?> _check = new("--check") { Description = "Compare every figure with the file of the same name in GOLDEN_DIR", HelpName = "GOLDEN_DIR" };
    private readonly Option<double> _tolerance = NumberOptions.Required("--tolerance", 0, "With --check: largest RMS (0–255 scale) that still passes", "T");
    private readonly Option<string?> _diff = new("--diff") { Description = "With --check: write a diff image for every figure that differs", HelpName = "DIR" };
    private readonly Option<bool> _update = new("--update") { Description = "With --check: regenerate the goldens instead of comparing" };

    public static Command Create() => new BatchCommand().Build();

    private Command Build()
    {
        var command = new Command("batch", "Render many figures from one manifest; --check compares them with golden images") { _manifest };
        foreach (var option in new Option[] { _outDir, _jobs, _check, _tolerance, _diff, _update }) command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    /// <summary>The checked options: <see cref="Golden"/> is null unless comparing, and with --update the goldens are the output.</summary>
    private sealed record Settings(int Jobs, double Tolerance, string? CheckDir, bool Regenerate, string? OutDir, string? DiffDir)
    {
        public string? Golden => Regenerate ? null : CheckDir;
    }

    private int Run(ParseResult result)
    {
        var settings = CheckOptions(result);
        string manifestPath = result.GetValue(_manifest)!;
        var manifest = Manifest.Load(manifestPath);
        string manifestFolder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        string? temp = null;
        string dir = settings.Regenerate ? settings.CheckDir!
            : settings.OutDir ?? (settings.CheckDir is not null ? temp = Directory.CreateTempSubdirectory("regviz-batch-").FullName : ".");
        CreateFolder(dir, settings.Regenerate ? "--check" : "--out");
        if (settings.DiffDir is { } diffDir) CreateFolder(diffDir, "--diff");
        try
        {
            return Render(result, settings, manifest, manifestFolder, dir);
        }
        finally
        {
            if (temp is not null) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Every option is checked before the manifest is read; folders too, so an existing file given as a folder is refused, not crashed on.</summary>
    private Settings CheckOptions(ParseResult result)
    {
        int jobs = result.GetValue(_jobs);
        if (jobs < 1 || jobs > 256) throw new InputException($"--jobs: {jobs} is outside 1..256");
        double tolerance = result.GetValue(_tolerance);
        if (tolerance < 0) throw new InputException($"--tolerance: {RegularisationForm.RoundTrip(tolerance)} must be ≥ 0");
        string? golden = result.GetValue(_check);
        bool regenerate = result.GetValue(_update);
        if (regenerate && golden is null) throw new InputException("--update goes with --check GOLDEN_DIR (it regenerates those goldens)");
        if (golden is not null) OutputCheck.CheckFolder(golden, "--check");
        if (golden is not null && !regenerate && !Directory.Exists(golden))
            throw new InputException($"--check: golden folder '{golden}' does not exist (create it with --check {golden} --update)");
        string? outDir = result.GetValue(_outDir);
        if (outDir is not null) OutputCheck.CheckFolder(outDir, "--out");
        string? diffDir = result.GetValue(_diff);
        if (diffDir is not null) OutputCheck.CheckFolder(diffDir, "--diff");
        return new Settings(jobs, tolerance, golden, regenerate, outDir, diffDir);
    }

    private static int Render(ParseResult result, Settings settings, Manifest manifest, string manifestFolder, string dir)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var clock = Stopwatch.StartNew();
        bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var report = new BatchReport(stdout, stderr, terminal, manifest.Figures.Count);
        var request = new BatchRequest(manifest, manifestFolder, dir, settings.Jobs, settings.Golden, settings.Tolerance, settings.DiffDir);
        var outcomes = BatchRunner.Run(request, report);
        report.Summary(outcomes, clock.Elapsed.TotalSeconds, request.GoldenDir is not null);
        var failed = outcomes.Where(o => !o.Made).ToList();
        if (failed.Count > 0)
            throw new InputException($"{failed.Count} of {outcomes.Count} figures could not be made (first: '{failed[0].Figure.Out}', manifest line {failed[0].Figure.Line}: {failed[0].Error})");
        return outcomes.Any(o => o.Check is { Passed: false }) ? RegvizApp.Difference : RegvizApp.Ok;
    }

    private static void CreateFolder(string path, string option)
    {
        try { Directory.CreateDirectory(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{option}: cannot create the folder '{path}' ({e.Message})");
        }
    }
}
