using System.Globalization;
using CsCheck;
using Regviz.Tests.Support;

namespace Regviz.Tests.Figures.Layout;

/// <summary>One generated figure: a command line (without --out and --json), and whether it takes --no-labels --no-legend.</summary>
internal sealed record LayoutVariant(string[] Args, bool HasParts)
{
    public override string ToString() => "regviz " + string.Join(" ", Args.Select(a => a.Contains(' ') ? $"'{a}'" : a));
}

/// <summary>
/// The figures the layout lint draws: every figure kind (contour alone, with its path or an optimiser's trace, panels,
/// overlays; norm alone, as panels and overlaid; the coefficient path; shrink; sparsity), sizes 300 to 2000 pixels
/// (mostly small, where crowding happens and renders are cheap), every style, every norm, λ from 1e-4 to past λ_max,
/// and the built-in data, diabetes (bmi, s5) and losses given by centre and Hessian.
/// </summary>
internal static class LayoutVariants
{
    private static readonly string[] Styles = ["light", "dark", "colorblind", "print"];
    /// <summary>Every registered penalty (one a test assembly adds too), at its parameters' defaults.</summary>
    private static readonly string[] Norms = [.. Regviz.Core.Penalties.PenaltyCatalogue.Names];

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Width and height, each 300..2000, a fourth-power law so most are small (cheap, and crowded); aspect up to 1.4.</summary>
    private static readonly Gen<string> Size = Gen.Select(Gen.Double[0, 1], Gen.Double[0.72, 1.4]).Select((u, r) =>
    {
        int w = 300 + (int)(1700 * u * u * u * u);
        int h = Math.Clamp((int)(w * r), 300, 2000);
        return $"{w}x{h}";
    });

    private static readonly Gen<string> Lambda = Gen.Double[-4, 1.5].Select(e => N(Math.Pow(10, e)));

    /// <summary>Where the loss comes from: the built-in data, diabetes' bmi and s5 (with an intercept), or a quadratic given directly.</summary>
    private static readonly Gen<string[]> Data = Gen.Frequency(
        (4, Gen.Const<string[]>([])),
        (2, Gen.Bool.Select(i => i
            ? new[] { "--data", Repository.Path("samples", "data", "diabetes.csv"), "--features", "bmi,s5", "--intercept" }
            : ["--data", Repository.Path("samples", "data", "diabetes.csv"), "--features", "bmi,s5"])),
        (2, Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[0.3, 4], Gen.Double[-0.9, 0.9], Gen.Double[0.3, 4])
            .Select((cx, cy, a, rho, d) => new[] { "--centre", $"{N(cx)},{N(cy)}", "--hessian", $"{N(a)},{N(rho * Math.Sqrt(a * d))},{N(d)}" })));

    private static readonly Gen<string[]> Common = Gen.Select(Size, Pick(Styles)).Select((size, style) => new[] { "--size", size, "--style", style });

    private static readonly Gen<string> Norm = Pick(Norms);

    internal static readonly Gen<LayoutVariant> Contour = Gen.Select(Norm, Lambda, Data, Common, Gen.Int[0, 6], Gen.Int[3, 14]).Select((norm, lambda, data, common, extra, levels) =>
    {
        var args = new List<string> { "contour", "--norm", norm, "--lambda", lambda, "--levels", levels.ToString(CultureInfo.InvariantCulture), "--grid", "80" };
        args.AddRange(data);
        args.AddRange(common);
        switch (extra)
        {
            // the path of a non-convex penalty costs seconds of global solves: what it adds to the layout (a line, its end) the convex ones show
            case 1: args.Add(Convex(norm) ? "--path" : "--fill"); break;
            case 2: args.AddRange(["--trace", "ista", "--steps", "30"]); break;
            case 3: args.AddRange(["--trace", norm == "linf" ? "fista" : "cd", "--steps", "12"]); break; // cd needs a sum over coordinates
            case 4: args.Add("--fill"); break;
            case 5: args.AddRange(["--trace", "gd", "--steps", "60"]); break;
        }
        return new LayoutVariant([.. args], true);
    });

    private static readonly Gen<LayoutVariant> ContourPanels = Gen.Select(Norm, Lambda, Lambda, Common).Select((norm, a, b, common) =>
        new LayoutVariant(["contour", "--norm", norm, "--lambda", $"{a},{b}", "--grid", "80", .. Convex(norm) ? new[] { "--path" } : [], .. common], true));

    private static bool Convex(string norm) => norm is "l1" or "l2" or "elasticnet" or "linf";

    internal static readonly Gen<LayoutVariant> ContourOverlay = Gen.Select(Lambda, Data, Common, Gen.Int[0, 2]).Select((lambda, data, common, which) =>
        new LayoutVariant(["contour", "--norm", which switch { 0 => "l1,l2", 1 => "l1,l2,elasticnet,linf", _ => "lp,l1,scad" }, "--lambda", lambda, "--overlay", "--grid", "80", .. data, .. common], true));

    private static readonly Gen<LayoutVariant> NormAlone = Gen.Select(Norm, Common, Gen.Bool).Select((norm, common, fill) =>
        new LayoutVariant(["norm", "--norm", norm, .. common, .. fill ? new[] { "--fill" } : []], true));

    private static readonly Gen<LayoutVariant> NormMany = Gen.Select(Common, Gen.Bool).Select((common, overlay) =>
        new LayoutVariant(["norm", "--norm", "l1,l2,linf", .. overlay ? new[] { "--overlay" } : [], .. common], true));

    private static readonly Gen<LayoutVariant> Path = Gen.Select(Pick("l1", "l2", "elasticnet"), Common, Gen.Int[0, 2]).Select((norm, common, x) =>
        new LayoutVariant(["path", "--norm", norm, "--data", Repository.Path("samples", "data", "diabetes.csv"), "--xvar", x switch { 0 => "lambda", 1 => "norm", _ => "fraction" }, .. common], false));

    private static readonly Gen<LayoutVariant> Shrink = Gen.Select(Lambda, Common, Gen.Bool).Select((lambda, common, objective) =>
        new LayoutVariant(["shrink", "--lambda", lambda, .. objective ? new[] { "--objective", "1.5" } : [], .. common], false));

    private static readonly Gen<LayoutVariant> Sparsity = Common.Select(common => new LayoutVariant(["sparsity", "--trials", "200", .. common], false));

    public static readonly Gen<LayoutVariant> All = Gen.Frequency(
        (36, Contour), (6, ContourPanels), (8, ContourOverlay), (12, NormAlone), (6, NormMany), (5, Path), (4, Shrink), (2, Sparsity));
}
