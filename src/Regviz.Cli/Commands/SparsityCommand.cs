using System.CommandLine;
using System.Diagnostics;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Cli.Progress;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Core.Penalties;
using Regviz.Core.Sparsity;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz sparsity</c>: how often the optimum has an exactly-zero coefficient, per norm, over random losses.</summary>
internal static class SparsityCommand
{
    public const string Distribution =
        "Each trial draws D(w) = (w − m)ᵀA(w − m): A = R(θ)·diag(1, κ)·R(θ)ᵀ with κ = 10^U(0,2) (condition number 1..100, "
        + "log-uniform) and θ ~ U(0, π); centre m at angle U(0, 2π) and distance U(1.5, 4)·t from the origin (outside every "
        + "ball of radius t). Trial i uses SplitMix64 seeded with seed + i·0x9E3779B97F4A7C15.";

    /// <summary>The default width of one norm's panel; a panel is never narrower than the smallest figure.</summary>
    private const int PanelWidth = 560;

    /// <summary>One panel per norm, side by side: their number is bounded so the image obeys the size limit.</summary>
    private static void CheckPanelCount(int count, int? width)
    {
        int most = width is { } w ? w / FigureOptions.MinSide : FigureOptions.MaxSide / PanelWidth;
        if (count > most)
            throw new InputException(width is null
                ? $"--norms: {count} norms need a figure {PanelWidth}·{count} pixels wide; at most {most} fit in {FigureOptions.MaxSide} pixels"
                : $"--norms: {count} panels do not fit in {width} pixels (at most {most}, each at least {FigureOptions.MinSide} wide)");
    }

    public static Command Create()
    {
        var trials = new Option<long>("--trials") { Description = "How many random losses. " + Distribution, DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives the same numbers and the same PNG", DefaultValueFactory = _ => 1, HelpName = "S" };
        var norms = new Option<string>("--norms") { Description = "Norms to compare, comma-separated", DefaultValueFactory = _ => "l1,l2,elasticnet,linf", HelpName = "l1,l2,.." };
        var radius = NumberOptions.Nullable("--radius", "Constrained form, ball N(w) ≤ t (default: t = 1)", "t");
        var lambda = NumberOptions.Nullable("--lambda", "Penalised form D + λP instead of the ball", "λ");
        var penaltyOptions = new PenaltyOptions();
        var figure = new FigureOptions();
        var command = new Command("sparsity", "Monte Carlo: how often is a coefficient exactly zero at the optimum, per norm?");
        foreach (var o in new Option[] { trials, seed, norms, radius, lambda }) command.Options.Add(o);
        penaltyOptions.AddParametersTo(command);
        figure.AddTo(command);
        // the panel figure sizes itself and writes PNG only: say so instead of the plane figures' defaults
        figure.Out.Description = "Output file, .png (default: sparsity-NORMS.png in the current directory)";
        figure.Size.Description = $"Image size in pixels, WxH (each 100..10000; default: {PanelWidth} px wide per panel, 620 px high)";
        figure.Size.DefaultValueFactory = null;

        command.SetAction(result =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var names = result.GetValue(norms)!.Split(',', StringSplitOptions.TrimEntries);
            bool sizeGiven = result.GetResult(figure.Size) is { Implicit: false };
            var f = figure.Bind(result);
            CheckPanelCount(names.Length, sizeGiven ? f.Style.Width : null);
            var penalties = names.Select(n => penaltyOptions.Create(NormKinds.Parse(n), result)).ToArray();
            double? t = result.GetValue(radius), l = result.GetValue(lambda);
            RegularisationForm.Check(l, t);
            var style = sizeGiven ? f.Style : f.Style with { Width = PanelWidth * penalties.Length, Height = 620 };
            string output = f.OutOr($"sparsity-{string.Join("-", penalties.Select(x => x.Kind.Name()))}.png");
            if (FigureExport.FormatOf(output) != "png") throw new InputException("--out: the sparsity figure is PNG only");

            long n = result.GetValue(trials);
            ulong s = result.GetValue(seed);
            var clock = Stopwatch.StartNew();
            // the same progress line as the loss grid; trials finish on several cores, so reports are put in order
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
                    line.Report((double)done / n);
                }
            }
            var results = SparsityExperiment.Run(penalties, n, s, t, l, Progress);
            double seconds = clock.Elapsed.TotalSeconds;

            string form = l is { } lam ? $"λ = {Text.Readable(lam)}" : $"ball of radius {Text.Readable(t ?? 1)}";
            string header = $"{n:N0} random quadratic losses, {form}, seed {s}: how often is a coefficient exactly 0?";
            AtomicFile.WriteAllBytes(output, SparsityFigure.RenderPng(results, t, l, header, style));
            if (f.Json is { } json)
                JsonOut.Write(json, stdout, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("trials", n);
                    w.WriteNumber("seed", s);
                    if (l is { } lj) w.WriteNumber("lambda", lj); else w.WriteNumber("radius", t ?? 1);
                    w.WriteString("distribution", Distribution);
                    w.WriteStartArray("results");
                    foreach (var r in results)
                    {
                        w.WriteStartObject();
                        w.WriteString("norm", r.Penalty.Kind.Name());
                        w.WriteNumber("sparse_fraction", r.SparseFraction);
                        w.WriteNumber("sparse", r.Sparse);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            if (f.Json != "-")
            {
                stdout.WriteLine($"{n:N0} trials, {form}, seed {s} ({seconds:0.00} s)");
                foreach (var r in results)
                    stdout.WriteLine($"  {r.Penalty.Describe(),-22} {100 * r.SparseFraction,7:0.00}% sparse ({r.Sparse:N0})");
                stdout.WriteLine(output);
            }
            return 0;
        });
        return command;
    }
}
