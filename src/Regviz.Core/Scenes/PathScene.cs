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
}

/// <summary>The coefficient-path figure's numbers: the path, the feature names, and an optional λ to mark.</summary>
public sealed record PathScene(RegularisationPath Path, IReadOnlyList<string> FeatureNames, Penalty Penalty, PathAxis XVar, double? Marker)
{
    /// <summary>What the data term is when it is not least squares (e.g. "logistic loss"), for the title.</summary>
    public string? LossNote { get; init; }

    /// <summary>
    /// The points to draw, ordered by decreasing λ: the grid, plus the exact knots inside its range for l1 (so the
    /// drawn lines bend exactly where the path does).
    /// </summary>
    public IReadOnlyList<PathPoint> DrawnPoints()
    {
        double low = Path.Points[^1].Lambda;
        var extra = Path.Knots?.Where(k => k.Lambda > low && k.Lambda < Path.LambdaMax) ?? [];
        return Path.Points.Concat(extra).OrderByDescending(p => p.Lambda).ToArray();
    }

    /// <summary>x of a point: log10 λ, or ‖w‖₁ as glmnet's "norm".</summary>
    public double X(PathPoint p) => XVar == PathAxis.Lambda ? Math.Log10(p.Lambda) : p.Weights.Sum(Math.Abs);
}
