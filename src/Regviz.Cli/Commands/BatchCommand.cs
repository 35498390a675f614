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
internal static class BatchCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("MANIFEST") { Description = "YAML (or JSON) manifest: optional 'defaults' words, and 'figures' each with 'out' and 'args'" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the figures (default: the current directory; with --check, a temporary folder)", HelpName = "DIR" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Figures rendered at once", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var check = new Option<string?>("--check") { Description = "Compare every figure with the file of the same name in GOLDEN_DIR", HelpName = "GOLDEN_DIR" };
        var tolerance = NumberOptions.Required("--tolerance", 0, "With --check: largest RMS (0–255 scale) that still passes", "T");
        var diff = new Option<string?>("--diff") { Description = "With --check: write a diff image for every figure that differs", HelpName = "DIR" };
        var update = new Option<bool>("--update") { Description = "With --check: regenerate the goldens instead of comparing" };
        var command = new Command("batch", "Render many figures from one manifest; --check compares them with golden images") { manifest };
        foreach (var o in new Option[] { outDir, jobs, check, tolerance, diff, update }) command.Options.Add(o);

        command.SetAction(result =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            int n = result.GetValue(jobs);
            if (n < 1 || n > 256) throw new InputException($"--jobs: {n} is outside 1..256");
            double t = result.GetValue(tolerance);
            if (t < 0) throw new InputException($"--tolerance: {RegularisationForm.RoundTrip(t)} must be ≥ 0");
            string? golden = result.GetValue(check);
            bool regenerate = result.GetValue(update);
            if (regenerate && golden is null) throw new InputException("--update goes with --check GOLDEN_DIR (it regenerates those goldens)");
            // folders are checked before the manifest is read: an existing file given as a folder is refused, not crashed on
            if (golden is not null) OutputCheck.CheckFolder(golden, "--check");
            if (golden is not null && !regenerate && !Directory.Exists(golden))
                throw new InputException($"--check: golden folder '{golden}' does not exist (create it with --check {golden} --update)");
            if (result.GetValue(outDir) is { } o) OutputCheck.CheckFolder(o, "--out");
            if (result.GetValue(diff) is { } d) OutputCheck.CheckFolder(d, "--diff");

            string manifestPath = result.GetValue(manifest)!;
            var m = Manifest.Load(manifestPath);
            string? temp = null;
            string dir = regenerate ? golden! : result.GetValue(outDir) ?? (golden is not null ? temp = Directory.CreateTempSubdirectory("regviz-batch-").FullName : ".");
            CreateFolder(dir, regenerate ? "--check" : "--out");
            if (result.GetValue(diff) is { } diffDir) CreateFolder(diffDir, "--diff");
            try
            {
                var clock = Stopwatch.StartNew();
                bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
                var report = new BatchReport(stdout, stderr, terminal, m.Figures.Count);
                var request = new BatchRequest(m, Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, dir, n, regenerate ? null : golden, t, result.GetValue(diff));
                var outcomes = BatchRunner.Run(request, report);
                report.Summary(outcomes, clock.Elapsed.TotalSeconds, request.GoldenDir is not null);
                var failed = outcomes.Where(o => !o.Made).ToList();
                if (failed.Count > 0)
                    throw new InputException($"{failed.Count} of {outcomes.Count} figures could not be made (first: '{failed[0].Figure.Out}', manifest line {failed[0].Figure.Line}: {failed[0].Error})");
                return outcomes.Any(o => o.Check is { Passed: false }) ? RegvizApp.Difference : RegvizApp.Ok;
            }
            finally
            {
                if (temp is not null) Directory.Delete(temp, recursive: true);
            }
        });
        return command;
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
