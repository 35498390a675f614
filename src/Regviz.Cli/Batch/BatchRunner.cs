using System.Diagnostics;
using Regviz.Cli.Commands;
using Regviz.Cli.Errors;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Plotting;

namespace Regviz.Cli.Batch;

/// <summary>What a batch run was asked to do.</summary>
internal sealed record BatchRequest(Manifest Manifest, string ManifestFolder, string OutDir, int Jobs, string? GoldenDir, double Tolerance, string? DiffDir);

/// <summary>
/// Renders a manifest's figures in parallel, each through the same parser and actions as a typed command;
/// one failing figure does not stop the others. With a golden folder, compares each figure with its golden.
/// </summary>
internal static class BatchRunner
{
    /// <summary>The commands a manifest figure may use: the ones that make a figure.</summary>
    private static readonly string[] FigureCommands = ["contour", "norm", "path", "shrink"];

    public static IReadOnlyList<FigureOutcome> Run(BatchRequest request, BatchReport report)
    {
        var figures = request.Manifest.Figures;
        var outcomes = new FigureOutcome[figures.Count];
        var problems = Validate(figures, request.OutDir);
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Jobs };
        Parallel.For(0, figures.Count, options, i =>
        {
            var clock = Stopwatch.StartNew();
            string? error = problems[i] ?? Render(request, figures[i]);
            if (error is not null) error = RegvizApp.OneLine(error);
            var outcome = new FigureOutcome(figures[i], error, clock.Elapsed.TotalSeconds);
            if (error is null && request.GoldenDir is { } golden)
                outcome = outcome with { Check = Check(request, figures[i], golden) };
            outcomes[i] = outcome;
            report.Finished(outcome);
        });
        return outcomes;
    }

    /// <summary>Problems found before any rendering: escaping or duplicate outputs, commands that make no figure.</summary>
    private static string?[] Validate(IReadOnlyList<ManifestFigure> figures, string outDir)
    {
        var problems = new string?[figures.Count];
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            try { OutputCheck.CheckName(f.Out, "out"); }
            catch (InputException e)
            {
                problems[i] = e.Message;
                continue;
            }
            string full = Path.GetFullPath(Path.Combine(outDir, f.Out));
            if (OutputTargets.Escapes(f.Out))
                problems[i] = $"out '{f.Out}' escapes the output folder (absolute paths and '..' are refused)";
            else if (seen.TryGetValue(full, out var first))
                problems[i] = $"out '{f.Out}' is also the out of an earlier figure ('{first}')";
            else
            {
                seen[full] = f.Out;
                string command = System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(f.Args).FirstOrDefault() ?? "";
                if (!FigureCommands.Contains(command))
                    problems[i] = $"'{command}' makes no figure (a figure's args start with one of: {string.Join(", ", FigureCommands)})";
            }
        }
        return problems;
    }

    private static string? Render(BatchRequest request, ManifestFigure figure)
    {
        try
        {
            var args = FigureJob.CommandLine(request.Manifest.Defaults, figure, request.ManifestFolder);
            RunResult result;
            using (OutputTargets.ConfineTo(request.OutDir))
                result = RegvizApp.Execute(args, TextWriter.Null, TextWriter.Null, responseFiles: false);
            return result.ExitCode == RegvizApp.Ok ? null : result.Error ?? $"failed (exit code {result.ExitCode})";
        }
        catch (Exception e) when (ParameterFlags.UserError(e) is { } message)
        {
            return message;
        }
    }

    private static CheckOutcome Check(BatchRequest request, ManifestFigure figure, string goldenDir)
    {
        string golden = Path.Combine(goldenDir, figure.Out);
        string actual = Path.Combine(request.OutDir, figure.Out);
        switch (FileKinds.Of(golden))
        {
            case FileKind.Missing: return new CheckOutcome("MISSING GOLDEN", null, 0, false);
            case FileKind.Special: return new CheckOutcome("UNREADABLE GOLDEN (not a regular file)", null, 0, false); // a FIFO would block
        }
        if (!figure.Out.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                bool same = Read(golden).AsSpan().SequenceEqual(Read(actual));
                return new CheckOutcome(same ? "ok (identical)" : "DIFFERENT (not identical)", null, 0, same);
            }
            catch (InputException ex) { return new CheckOutcome($"UNREADABLE ({ex.Message})", null, 0, false); }
        }
        (byte[] Rgb, int Width, int Height) e, a;
        try { e = CompareCommand.Load(golden, "golden"); }
        catch (InputException) { return new CheckOutcome("UNREADABLE GOLDEN", null, 0, false); }
        try { a = CompareCommand.Load(actual, "figure"); }
        catch (InputException ex) { return new CheckOutcome($"UNREADABLE ({ex.Message})", null, 0, false); }
        var d = ImageComparison.Compare(e, a);
        if (d.SizesDiffer) return new CheckOutcome($"DIFFERENT ({d.SizeNote})", null, 0, false);
        bool passed = d.Rms <= request.Tolerance;
        string verdict = passed ? "ok" : $"DIFFERENT ({d.DifferentPixels} pixels)";
        if (!passed && request.DiffDir is { } diffDir)
        {
            try
            {
                using (OutputTargets.ConfineTo(diffDir))
                    AtomicFile.WriteAllBytes(OutputTargets.Prepare(Path.ChangeExtension(figure.Out, null) + "-diff.png", "--diff"), ImageComparison.DiffImage(e, a));
            }
            catch (InputException ex) { verdict += $"; no diff image: {ex.Message}"; }
        }
        return new CheckOutcome(verdict, d.Rms, d.DifferentPixels, passed);
    }

    private static byte[] Read(string path) => BoundedInput.ReadBytes(path, "file", Limits.ImageBytes, 0);
}
