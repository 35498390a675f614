using System.CommandLine;
using Regviz.Core;
using Regviz.Core.Motion;
using Regviz.Plotting;

namespace Regviz.Cli.Options;

/// <summary>
/// What <c>animate</c> and <c>explore</c> add to the contour figure's options: which values of λ (or t) the frames show,
/// and the caps that keep a sweep's cost bounded (each frame is a solve and a whole figure).
/// </summary>
internal sealed class SweepOptions
{
    /// <summary>Frames × pixels of one sweep: 60 frames of 800×800 are 38 million; this allows 5× that at 1825×1825.</summary>
    public const long MaxPixels = 200_000_000;

    /// <summary>The largest side of a frame: a window of frames is held in memory while the next is encoded.</summary>
    public const int MaxSide = 4000;

    public readonly Option<int> Frames = new("--frames") { Description = $"How many frames (2..{SweepRequest.MaxFrames})", DefaultValueFactory = _ => SweepRequest.DefaultFrames, HelpName = "N" };
    public readonly Option<double?> From = NumberOptions.Nullable("--from", "First value of the sweep (default: λ_max, where w* = 0; for l2 and lp, the first power of ten where ‖w*‖ is 1% of the fit's; with --sweep radius, 2% of the fit's norm)", "λ|t");
    public readonly Option<double?> To = NumberOptions.Nullable("--to", "Last value of the sweep (default: λ_max/100; for l2 and lp, where ‖w*‖ reaches 95% of the fit's; with --sweep radius, the fit's norm)", "λ|t");
    public readonly Option<bool> Reverse = new("--reverse") { Description = "Play the frames backwards (by default w* starts at 0 and grows towards the fit)" };
    /// <summary>The words --sweep takes.</summary>
    public static readonly string[] Sweeps = ["lambda", "radius"];

    public readonly Option<string> Sweep = new("--sweep") { Description = "What the frames sweep: lambda (log-spaced), or radius, the t of the constrained form N(w) ≤ t (evenly spaced)", DefaultValueFactory = _ => "lambda", HelpName = "lambda|radius" };

    /// <summary>
    /// Everywhere else --radius takes a value t (one constrained figure); a sweep has no single t, so here the old
    /// switch spelling and any value are refused with the option that does sweep t.
    /// </summary>
    public readonly Option<string?> Radius = new("--radius") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Frames, From, To, Reverse, Sweep, Radius }) command.Options.Add(option);
    }

    /// <summary>The maths and data options of <paramref name="problem"/> without its --radius value, which a sweep replaces by the flag above.</summary>
    public static void AddProblem(Command command, ProblemOptions problem, bool withLambda)
    {
        foreach (var option in new Option[] { problem.Data, problem.Delimiter, problem.Target, problem.Features, problem.Model, problem.Intercept, problem.Loss })
            command.Options.Add(option);
        problem.PenaltyOptions.AddTo(command);
        if (withLambda) command.Options.Add(problem.Lambda);
    }

    /// <summary>True when the option was typed, not defaulted.</summary>
    public static bool Given(ParseResult r, Option option) => r.GetResult(option) is { Implicit: false };

    /// <summary>The sweep asked for; its values are checked again, with the data, when they are made.</summary>
    public SweepRequest Bind(ParseResult r, FigureStyle style)
    {
        RefuseRadius(r);
        var parameter = r.GetValue(Sweep)!.Trim().ToLowerInvariant() switch
        {
            "lambda" => SweepParameter.Lambda,
            "radius" => SweepParameter.Radius,
            var other => throw Words.Unknown("--sweep", "sweep", other, Sweeps),
        };
        int frames = r.GetValue(Frames);
        if (frames < 2 || frames > SweepRequest.MaxFrames)
            throw new InputException($"--frames: {frames} is outside 2..{SweepRequest.MaxFrames}");
        CheckCost(frames, style, "--frames");
        double? from = r.GetValue(From), to = r.GetValue(To);
        if (from is <= 0) throw new InputException($"--from: {RegularisationForm.RoundTrip(from.Value)} is not allowed (a value > 0 is required)");
        if (to is <= 0) throw new InputException($"--to: {RegularisationForm.RoundTrip(to.Value)} is not allowed (a value > 0 is required)");
        if (from is not null && from == to) throw new InputException("--to: equals --from: nothing would move");
        return new SweepRequest(parameter, frames, from, to, r.GetValue(Reverse));
    }

    /// <summary>--radius here: the message names --sweep radius, which is what a user typing it wants.</summary>
    public void RefuseRadius(ParseResult r)
    {
        if (Given(r, Radius))
            throw new InputException("--radius: a sweep has no single t; --sweep radius sweeps t from --from to --to (one figure at radius t: regviz contour --radius t)");
    }

    /// <summary>Refuses a sweep whose frames would cost more than the caps, before any work.</summary>
    public static void CheckCost(int frames, FigureStyle style, string option)
    {
        if (style.Width > MaxSide || style.Height > MaxSide)
            throw new InputException($"--size: {style.Width}x{style.Height} is larger than an animation's {MaxSide}x{MaxSide}");
        long pixels = (long)frames * style.Width * style.Height;
        if (pixels > MaxPixels)
            throw new InputException($"{option}: {frames} frames of {style.Width}x{style.Height} are {pixels:N0} pixels, more than {MaxPixels:N0} (fewer frames or a smaller --size)");
    }
}
