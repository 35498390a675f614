using System.CommandLine;
using System.Diagnostics;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Cli.Progress;
using Regviz.Core.IO;
using Regviz.Core.Penalties;
using Regviz.Core.Sidecars;
using Regviz.Core.Sparsity;
using Regviz.Core;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz sparsity</c>: how often the optimum has an exactly-zero coefficient, per norm, over random losses.</summary>
internal sealed class SparsityCommand
{
    public const string Distribution =
        "Each trial draws D(w) = (w − m)ᵀA(w − m): A = R(θ)·diag(1, κ)·R(θ)ᵀ with κ = 10^U(0,2) (condition number 1..100, "
        + "log-uniform) and θ ~ U(0, π); centre m at angle U(0, 2π) and distance U(1.5, 4)·t from the origin (outside every "
        + "ball of radius t). Trial i uses SplitMix64 seeded with seed + i·0x9E3779B97F4A7C15.";

    /// <summary>The default side of one norm's panel (square); --size sets it.</summary>
    private const int PanelSide = 560;

    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly Option<long> _trials = new("--trials") { Description = "How many random losses. " + Distribution, DefaultValueFactory = _ => 10_000, HelpName = "N" };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed: the same seed gives the same numbers and the same PNG", DefaultValueFactory = _ => 1, HelpName = "S" };
    private readonly Option<string> _norms = new("--norms") { Description = "Norms to compare, comma-separated", DefaultValueFactory = _ => "l1,l2,elasticnet,linf", HelpName = "l1,l2,.." };
    private readonly Option<double?> _radius = NumberOptions.Nullable("--radius", "Constrained form, ball N(w) ≤ t (default: t = 1)", "t");
    private readonly Option<double?> _lambda = NumberOptions.Nullable("--lambda", "Penalised form D + λP instead of the ball", "λ");
    private readonly Option<int?> _cols = new("--cols") { Description = "Panels per row (default: one row up to 3 norms, else about square: 2×2 for 4)", HelpName = "N" };
    private readonly PenaltyOptions _penalty = new();
    private readonly FigureOptions _figure = new();

    /// <summary>What the trials are: how many, from which seed, and in which form.</summary>
    private sealed record Experiment(long Trials, ulong Seed, Form Form)
    {
        public string FormText => Form switch
        {
            PenalisedForm p => $"λ = {Text.Readable(p.Lambda)}",
            ConstrainedForm c => $"ball of radius {Text.Readable(c.Radius)}",
            _ => throw new ArgumentOutOfRangeException(nameof(Form)),
        };
    }

    public static Command Create() => new SparsityCommand().Build();

    private Command Build()
    {
        var command = new Command("sparsity", "Monte Carlo: how often is a coefficient exactly zero at the optimum, per norm?");
        foreach (var option in new Option[] { _trials, _seed, _norms, _radius, _lambda, _cols }) command.Options.Add(option);
        _penalty.AddParametersTo(command);
        _figure.AddTo(command);
        // the image grows with the panels: --size sizes each panel, not the image
        _figure.Out.Description = "Output file, .png, .svg or .pdf (default: sparsity-NORMS.png in the current directory, with a short suffix when other options change the figure)";
        _figure.Size.Description = $"Size of each panel in pixels, WxH or N (each 100..10000; default: {PanelSide}x{PanelSide} per panel; the image grows with the panels)";
        _figure.Size.DefaultValueFactory = null;
        _figure.Title.Description = "Figure title (default: the trials, the ball or λ and the seed)";
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var stdout = result.InvocationConfiguration.Output;
        var names = result.GetValue(_norms)!.Split(',', StringSplitOptions.TrimEntries);
        bool sizeGiven = result.GetResult(_figure.Size) is { Implicit: false };
        var f = _figure.Bind(result);
        var panel = sizeGiven ? f.Style with { Title = null } : f.Style with { Width = PanelSide, Height = PanelSide, Title = null };
        int columns = result.GetValue(_cols) ?? PanelOptions.DefaultColumns(names.Length);
        CheckLayout(names.Length, columns, panel);
        var penalties = names.Select(n => _penalty.Create(n, result)).ToArray();
        // the trials are drawn against the unit ball when neither option is given
        double? lambda = result.GetValue(_lambda), radius = result.GetValue(_radius);
        var form = ProblemOptions.FormOf(lambda, lambda is null ? radius ?? 1 : radius, 0);
        var experiment = new Experiment(result.GetValue(_trials), result.GetValue(_seed), form);
        string output = f.OutOr(DefaultNames.Unique($"sparsity-{string.Join("-", penalties.Select(x => x.Name))}.png", result, _norms));
        FigureExport.FormatOf(output, "--out");
        f.WarnAboutGlyphs();

        var clock = Stopwatch.StartNew();
        var results = RunTrials(result.InvocationConfiguration.Error, penalties, experiment);
        double seconds = clock.Elapsed.TotalSeconds;

        string header = f.Style.Title ?? $"{Text.Count(experiment.Trials, "random quadratic loss", "random quadratic losses")}, {experiment.FormText}, seed {experiment.Seed}: how often is a coefficient exactly 0?";
        var description = FigureText.Describe(results, experiment.Form, experiment.Seed);
        var grid = new PanelLayout(panel, columns, header) { Description = description };
        var plots = PanelGrid.Save(grid, output, s => SparsityFigure.Panels(results, experiment.Form, s));
        if (f.Json is { } json) JsonOut.Write(RunContext.Of(result), json, Sidecar(experiment, results, description, LayoutJson.Of(PanelGrid.LayoutOf(plots, grid))));
        if (f.Json != "-") WriteTable(stdout, experiment, results, seconds, output);
        if (f.Alt) stdout.WriteLine(description.Alt);
        return 0;
    }

    /// <summary>
    /// One panel per norm, <paramref name="columns"/> to a row, at most as many as the other panel figures (16):
    /// checked before any work so the image obeys the size limit (the legend gets 300 pixels).
    /// </summary>
    private static void CheckLayout(int count, int columns, FigureStyle panel)
    {
        if (count > PanelOptions.MaxPanels)
            throw new InputException($"--norms: {count} norms make {count} panels; at most {PanelOptions.MaxPanels}");
        if (columns < 1 || columns > count)
            throw new InputException($"--cols: {columns} is outside 1..{count} (the number of norms)");
        int rows = (count + columns - 1) / columns;
        long width = (long)columns * panel.Width, height = (long)rows * panel.Height + (long)(300 * panel.Scale);
        if (width > FigureOptions.MaxSide || height > FigureOptions.MaxSide)
            throw new InputException($"--norms: {count} panels of {panel.Width}x{panel.Height} in {columns} columns make an image "
                + $"{width}x{height} pixels (with header and legend); at most {FigureOptions.MaxSide} a side: use --cols or a smaller --size");
    }

    /// <summary>The trials, with the same progress line as the loss grid; trials finish on several cores, so reports are put in order.</summary>
    private static IReadOnlyList<SparsityResult> RunTrials(TextWriter stderr, Penalty[] penalties, Experiment e)
    {
        using var line = ProgressLine.ForStderr(stderr, "sparsity trials");
        object gate = new();
        long reported = 0;
        void Progress(long done)
        {
            if (line is null) return;
            lock (gate)
            {
                if (done <= reported) return;
                reported = done;
                line.Report((double)done / e.Trials);
            }
        }
        return SparsityExperiment.Run(penalties, e.Trials, e.Seed, e.Form, Progress);
    }

    private static SparsitySidecar Sidecar(Experiment e, IReadOnlyList<SparsityResult> results, FigureDescription description, LayoutSidecar? layout) => new()
    {
        Alt = description.Alt,
        Caption = description.Caption,
        Trials = e.Trials,
        Seed = e.Seed,
        Lambda = e.Form is PenalisedForm p ? p.Lambda : null,
        Radius = e.Form is ConstrainedForm c ? c.Radius : null,
        Distribution = Distribution,
        Results = [.. results.Select(r => new SparsityResultSidecar { Norm = r.Penalty.Name, SparseFraction = r.SparseFraction, Sparse = r.Sparse })],
        Layout = layout,
    };

    private static void WriteTable(TextWriter stdout, Experiment e, IReadOnlyList<SparsityResult> results, double seconds, string output)
    {
        stdout.WriteLine($"{Text.Count(e.Trials, "trial")}, {e.FormText}, seed {e.Seed} ({seconds:0.00} s)");
        foreach (var r in results)
            stdout.WriteLine($"  {Text.Describe(r.Penalty),-22} {100 * r.SparseFraction,7:0.00}% sparse ({r.Sparse:N0})");
        stdout.WriteLine(output);
    }
}
