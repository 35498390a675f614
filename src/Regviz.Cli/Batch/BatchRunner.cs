using System.Diagnostics;
using Regviz.Cli.Errors;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Plotting;

namespace Regviz.Cli.Batch;

/// <summary>What a batch run was asked to do.</summary>
internal sealed record BatchRequest(Manifest Manifest, string ManifestFolder, string OutDir, int Jobs, CheckRequest? Check)
{
    /// <summary>Keep each figure's alt text and caption (for --markdown); otherwise they are dropped, as a batch keeps little of a finished figure.</summary>
    public bool KeepsDescriptions { get; init; }

    /// <summary>Folders besides the manifest's that its figures may read from (--allow-read).</summary>
    public IReadOnlyList<string> AllowRead { get; init; } = [];
}

/// <summary>
/// Renders a manifest's figures in parallel, each through the same parser and actions as a typed command;
/// one failing figure does not stop the others. When checking, each figure is checked as soon as it is made
/// (<see cref="FigureCheck"/>), so the checks run in parallel too.
/// </summary>
internal static class BatchRunner
{
    /// <summary>The commands a manifest figure may use: the ones that make a figure.</summary>
    private static readonly string[] FigureCommands = ["contour", "norm", "path", "shrink", "sparsity", "animate", "explore", "ball", "surface"];

    public static IReadOnlyList<FigureOutcome> Run(BatchRequest request, BatchReport report)
    {
        var figures = request.Manifest.Figures;
        var outcomes = new FigureOutcome[figures.Count];
        var problems = Validate(figures, request.OutDir);
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Jobs };
        Parallel.For(0, figures.Count, options, i =>
        {
            var clock = Stopwatch.StartNew();
            var warnings = new FigureWarnings();
            FigureDescription? made = null;
            byte[]? sidecar = null;
            string? error = problems[i] ?? Render(request, figures[i], warnings, d => made = d, json => sidecar = json);
            if (error is not null) error = RegvizApp.OneLine(error);
            CheckOutcome? check = null;
            if (error is null && request.Check is { } c)
            {
                // whatever the check step throws (a hostile golden, a report image that cannot be written, a full disk) is this
                // figure's error: the other figures and the run's reports go on
                var figure = figures[i];
                var record = new Lazy<byte[]>(() => GoldenSidecar.Build(FigureJob.Canonical(request.Manifest.Defaults, figure), sidecar));
                try { check = FigureCheck.Run(c, request.OutDir, figure, i, record); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    error = RegvizApp.OneLine($"made, but not checked: {ExceptionEdge.Translate(e, verbose: false).Error}");
                }
            }
            var outcome = new FigureOutcome(figures[i], error, clock.Elapsed.TotalSeconds)
            {
                Check = check,
                Index = i,
                Description = error is null && request.KeepsDescriptions ? made : null,
                Warnings = warnings.Lines(),
            };
            outcomes[i] = outcome;
            report.Finished(outcome);
        });
        return outcomes;
    }

    /// <summary>Problems found before any rendering: escaping or duplicate outputs, commands that make no figure.</summary>
    private static string?[] Validate(IReadOnlyList<ManifestFigure> figures, string outDir)
    {
        var problems = new string?[figures.Count];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            try { OutputCheck.CheckName(f.Out, "out"); }
            catch (InputException e)
            {
                problems[i] = e.Message;
                continue;
            }
            // compared up to canonical equivalence: "é.png" typed as one character or as e + accent is one figure
            string full = SafeText.Canonical(Path.GetFullPath(Path.Combine(outDir, f.Out)));
            // the reports put the name before each problem: the problem does not repeat it (a long name once per line)
            if (SafeText.HasLoneSurrogate(f.Out))
                problems[i] = "out is not valid Unicode (a lone surrogate): no file can be named so";
            else if (OutputTargets.Escapes(f.Out))
                problems[i] = "out escapes the output folder (absolute paths and '..' are refused)";
            else if (seen.TryGetValue(full, out var first))
                problems[i] = $"out is also the out of the figure on manifest line {first}";
            else
            {
                seen[full] = f.Line;
                string command = System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(f.Args).FirstOrDefault() ?? "";
                if (!FigureCommands.Contains(command))
                    problems[i] = $"'{command}' makes no figure (a figure's args start with one of: {string.Join(", ", FigureCommands)})";
            }
        }
        return problems;
    }

    /// <summary>Runs one figure: its warnings go to <paramref name="warnings"/>, its description to <paramref name="described"/>, its last sidecar (when checking) to <paramref name="sidecar"/>; returns its error, if any.</summary>
    private static string? Render(BatchRequest request, ManifestFigure figure, FigureWarnings warnings, Action<FigureDescription> described, Action<byte[]> sidecar)
    {
        try
        {
            var args = FigureJob.CommandLine(request.Manifest.Defaults, figure, request.ManifestFolder);
            // a check compares the figure's numbers with its golden's: it asks for them when the figure does not
            if (request.Check is not null) args = FigureJob.WithSidecar(args);
            var run = new RunContext(TextWriter.Null, TextWriter.Null)
            {
                Outputs = OutputTargets.Inside(request.OutDir),
                Reads = ReadConfinement.To([request.ManifestFolder, .. request.AllowRead]),
                Warnings = warnings,
                Described = described,
                SidecarWritten = request.Check is not null ? sidecar : null,
            };
            var result = RegvizApp.Execute(args, run);
            return result.ExitCode == RegvizApp.Ok ? null : result.Error ?? $"failed (exit code {result.ExitCode})";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ExceptionEdge.Translate(e, verbose: false).Error;
        }
    }
}
