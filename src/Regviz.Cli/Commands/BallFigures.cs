using System.Globalization;
using Regviz.Cli.Options;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;

namespace Regviz.Cli.Commands;

/// <summary>The unit-ball figure from its words, shared by <c>ball</c> and <c>animate --rotate --figure ball</c>.</summary>
internal static class BallFigures
{
    public const int MaxPanels = 9;

    /// <summary>The balls a --norm list names, shaped by --alpha, --p and --groups.</summary>
    /// <summary>The group norm: the one ball that is not a registered penalty (it needs --groups, and no solver takes it).</summary>
    public const string GroupNorm = "group";

    /// <summary>The norms a ball can be drawn for: every registered penalty a norm bounds, then the group norm.</summary>
    public static IReadOnlyList<string> Norms =>
        [.. PenaltyCatalogue.Kinds.Where(k => UnitBall.Exists(k.Create(PenaltyArguments.None))).Select(k => k.Name), GroupNorm];

    /// <summary>The balls named by <paramref name="norms"/> (a comma list), each penalty shaped by <paramref name="arguments"/>, which the penalty checks against its declared ranges.</summary>
    public static List<UnitBall> Parse(string norms, PenaltyArguments arguments, string groups)
    {
        var names = norms.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length > MaxPanels) throw new InputException($"--norm: {names.Length} norms; at most {MaxPanels} panels");
        return names.Select(name =>
        {
            if (name.Equals(GroupNorm, StringComparison.OrdinalIgnoreCase)) return UnitBall.Group(UnitBall.ParseGroups(groups, "--groups"));
            // asked before the penalty is shaped: ball offers only its balls' parameters, so a ball-less penalty's
            // parameter (toyhuber's --knee) is not on the command line and would be refused as 0
            string norm = Words.Norm(name);
            if (!Norms.Contains(norm))
                throw new InputException($"--norm {name}: {norm} bounds no norm, so it has no unit ball (ball takes {string.Join(", ", Norms)})");
            return UnitBall.For(PenaltyCatalogue.Create(norm, arguments)!);
        }).ToList();
    }

    /// <summary>The balls side by side, seen from (<paramref name="azimuth"/>, <paramref name="elevation"/>).</summary>
    public static Figure3 At(IReadOnlyList<UnitBall> balls, IReadOnlyList<Scene3> scenes, FigureStyle style, double azimuth, double elevation) =>
        new(scenes.Select((s, i) => new Panel3(s, balls[i].Title)).ToList(), style, azimuth, elevation, new Vec3(0, 0, 0), new Vec3(1, 1, 1));

    public static FigureDescription Describe(IReadOnlyList<UnitBall> balls, double az, double el)
    {
        string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        string which = string.Join("; ", balls.Select(b => b.Title));
        string alt = $"The unit ball {{w : P(w) ≤ 1}} in three weights of {which}, seen from azimuth {Num(az)}°, elevation {Num(el)}°.";
        string caption = alt + " " + string.Join(" ", balls.Select(b =>
        {
            double r = b.Boundary(new Vec3(1, 0, 0)).X, d = b.Boundary(new Vec3(1, 1, 1)).X;
            return $"{b.Title}: it meets each axis at ±{Num(r)} and the diagonal (1, 1, 1) direction at {Num(d)} in each weight.";
        }));
        return new FigureDescription(alt, caption);
    }
}
