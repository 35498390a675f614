using Regviz.Core.Paths;
using Regviz.Core.Penalties;

namespace Regviz.Core.Scenes;

/// <summary>What the path figure puts on its x axis, as glmnet's <c>xvar</c>.</summary>
public enum PathAxis
{
    /// <summary>log10 λ, as glmnet's default.</summary>
    Lambda,
    /// <summary>‖w‖₁, as glmnet's xvar = "norm".</summary>
    Norm,
    /// <summary>The shrinkage factor s = ‖w‖₁ / ‖ŵ‖₁ from 0 to 1, ŵ the unregularised fit (ESL figure 3.10, scikit-learn's plot_lasso_lars).</summary>
    Fraction,
}

/// <summary>The coefficient-path figure's numbers: the path, the feature names, and an optional mark (λ, or s on the fraction axis).</summary>
public sealed record PathScene(RegularisationPath Path, IReadOnlyList<string> FeatureNames, Penalty Penalty, PathAxis XVar, double? Marker)
{
    /// <summary>What the data term is when it is not least squares (e.g. "logistic loss"), for the title.</summary>
    public string? LossNote { get; init; }

    /// <summary>Whether to mark the exact knots (l1 on least squares): faint vertical lines, and dots on every coefficient.</summary>
    public bool ShowKnots { get; init; }

    /// <summary>Whether the columns were scaled to unit variance before fitting (the coefficients drawn are on the original scale).</summary>
    public bool Standardized { get; init; }

    /// <summary>‖ŵ‖₁ of the unregularised fit, the fraction axis's unit; null where there is no such fit.</summary>
    public double? FullNorm => Path.Unregularised?.Weights.Sum(Math.Abs);

    /// <summary>
    /// The points to draw, ordered by decreasing λ: the grid, plus the exact knots inside its range for l1 (so the
    /// drawn lines bend exactly where the path does). On the ‖w‖₁ and fraction axes, which can show λ = 0, the path
    /// runs on to the unregularised fit where it reaches it (<see cref="RegularisationPath.ReachesFit"/>), and ends at
    /// its last point otherwise: a straight line from there to the fit would not be on the path. A penalty that never
    /// zeroes w (ridge) starts where its largest coefficient first reaches a thousandth of its value at the path's end:
    /// before that its lines are flat on zero to the pixel, decades of axis that say nothing.
    /// </summary>
    public IReadOnlyList<PathPoint> DrawnPoints()
    {
        double low = Path.Points[^1].Lambda;
        var extra = Path.Knots?.Where(k => k.Lambda > low && k.Lambda < Path.LambdaMax) ?? [];
        if (XVar != PathAxis.Lambda && Path.ReachesFit && Path.Unregularised is { } end)
            extra = extra.Concat(Path.Knots?.Where(k => k.Lambda < low && k.Lambda > 0) ?? []).Append(end);
        var all = Path.Points.Concat(extra).OrderByDescending(p => p.Lambda).ToArray();
        if (all[0].Weights.All(w => w == 0)) return all;
        double far = all[^1].Weights.Max(Math.Abs);
        int leaves = Array.FindIndex(all, p => p.Weights.Max(Math.Abs) >= 1e-3 * far);
        return leaves > 1 ? all[(leaves - 1)..] : all;
    }

    /// <summary>The knots the figure can show: all on the ‖w‖₁ and fraction axes, those with λ &gt; 0 on the log λ axis.</summary>
    public IReadOnlyList<PathPoint> ShownKnots() =>
        Path.Knots?.Where(k => XVar != PathAxis.Lambda || k.Lambda > 0).ToArray() ?? [];

    /// <summary>x of a point: log10 λ, ‖w‖₁ as glmnet's "norm", or the shrinkage factor s.</summary>
    public double X(PathPoint p) => XVar switch
    {
        PathAxis.Lambda => Math.Log10(p.Lambda),
        PathAxis.Norm => p.Weights.Sum(Math.Abs),
        _ => p.Weights.Sum(Math.Abs) / (FullNorm is { } full and > 0 ? full : throw new InvalidOperationException("the fraction axis needs the unregularised fit")),
    };

    /// <summary>
    /// The λ at which the path reaches <paramref name="x"/> on the ‖w‖₁ or fraction axis, exactly, from the knots: between
    /// two knots of the lasso w is affine in λ with fixed signs, so ‖w‖₁ is too. Null without knots or outside the path.
    /// </summary>
    public double? LambdaAt(double x)
    {
        if (XVar == PathAxis.Lambda || Path.Knots is not { Count: > 1 } knots) return null;
        var ordered = knots.OrderByDescending(k => k.Lambda).ToArray();
        for (int i = 1; i < ordered.Length; i++)
        {
            double xa = X(ordered[i - 1]), xb = X(ordered[i]);
            if (x < Math.Min(xa, xb) || x > Math.Max(xa, xb)) continue;
            if (xa == xb) return ordered[i - 1].Lambda;
            return ordered[i - 1].Lambda + (x - xa) / (xb - xa) * (ordered[i].Lambda - ordered[i - 1].Lambda);
        }
        return null;
    }
}
