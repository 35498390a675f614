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
    public static List<UnitBall> Parse(string norms, double alpha, double p, string groups)
    {
        var names = norms.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length > MaxPanels) throw new InputException($"--norm: {names.Length} norms; at most {MaxPanels} panels");
        if (alpha is < 0 or > 1) throw new InputException($"--alpha: {alpha.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]");
        if (p is <= 0 or > 100) throw new InputException($"--p: {p.ToString(CultureInfo.InvariantCulture)} is outside (0, 100]");
        return names.Select(name => name.ToLowerInvariant() switch
        {
            "group" => UnitBall.Group(UnitBall.ParseGroups(groups, "--groups")),
            "mcp" or "scad" => throw new InputException($"--norm {name}: MCP and SCAD bound no norm, so they have no unit ball (ball takes l1, l2, linf, elasticnet, lp, group)"),
            var n => UnitBall.For(PenaltyCatalogue.Create(Words.Norm(n), PenaltyArguments.None.With("alpha", alpha).With("p", p))!),
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
