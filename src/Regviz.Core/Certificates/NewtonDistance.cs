using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Certificates;

/// <summary>
/// The distance to the optimum measured on the answer's structure (its support and signs, or linf's tied maximum):
/// there J is smooth in a few reduced variables u (w = Map·u), and the Newton step δ = H_u⁻¹r_u goes to the optimum
/// of the structure. Where the point w − δ keeps the structure and meets the optimality conditions that hold it
/// (zeros stay zeros), it is the optimum; for least squares with the elastic-net family or linf, J is quadratic on
/// the structure and ‖δ‖ is the distance itself, which ‖ξ‖/m (the curvature of the flattest direction, used against
/// a residual in every direction) overstates by up to the condition number. Identical columns move as one variable
/// where the caller has shown their weights equal and the optimum unique.
/// </summary>
internal static class NewtonDistance
{
    /// <summary>
    /// ‖δ‖ and J(w) − J(w − δ) = ½·r_uᵀδ_u (both doubled where D or P is not quadratic on the structure, as a Newton
    /// estimate), or null where the step is not resolvable or leaves the structure.
    /// </summary>
    public static (double Distance, double Drop)? Of(ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> gradient, ReadOnlySpan<double> weights, double lambda, int[][] groups, double reference)
    {
        int k = weights.Length;
        if (k > Curvature.MaxDimension || !(lambda >= 0)) return null;
        var w = weights.ToArray();
        // at λ = 0 no penalty holds a zero: every coordinate is free (a column D ignores is then a flat direction)
        bool smooth = lambda == 0;
        if ((smooth ? ReducedStructure.Everything(k) : penalty.Structure(w, lambda)) is not { } structure) return null;
        var map = structure.Map;
        if (groups.Length > 0) map = Merge(map, groups);
        var u = map.TransposeThisAndMultiply(Vector<double>.Build.Dense(w)).PointwiseDivide(map.TransposeThisAndMultiply(map).Diagonal());
        var h = new double[k * k];
        loss.Hessian(w, h);
        // the penalty's part, in the structure's own variables (before merging) and carried over
        var (_, pg, ph) = structure.Penalty(structure.Map.TransposeThisAndMultiply(Vector<double>.Build.Dense(w)).PointwiseDivide(structure.Map.TransposeThisAndMultiply(structure.Map).Diagonal()));
        var merge = groups.Length > 0 ? Pseudo(structure.Map) * map : Matrix<double>.Build.DenseIdentity(map.ColumnCount);
        var r = map.TransposeThisAndMultiply(Vector<double>.Build.Dense(gradient.ToArray())) + merge.TransposeThisAndMultiply(pg);
        var hu = map.TransposeThisAndMultiply(Matrix<double>.Build.Dense(k, k, (i, j) => h[i * k + j]) * map) + merge.TransposeThisAndMultiply(ph * merge);
        var svd = hu.Svd();
        double top = svd.S.Maximum(), bottom = svd.S.Minimum();
        if (!(bottom > 1e-15 * top)) return null; // a flat direction on the structure: the step means nothing
        var du = svd.Solve(r);
        var delta = map * du;
        if (!delta.All(double.IsFinite)) return null;
        var moved = new double[k];
        for (int j = 0; j < k; j++)
        {
            moved[j] = w[j] - delta[j];
            if (!smooth && Math.Sign(moved[j]) != Math.Sign(w[j])) return null; // the step leaves the structure
        }
        var g = new double[k];
        OptimalityCheck.DataGradient(loss, moved, g);
        // the conditions that hold the zeros (and the rest, now met to rounding) must hold where the step lands, to the
        // rounding of the gradient there: at cond(X) = 1e6 that is 5e-13 of a gradient of 0.08, above 1e-12 of it
        var landed = GradientRounding.PerColumn(loss, moved);
        double noise = landed is null ? 0 : landed.Max();
        if (penalty.Violation(g, moved, lambda) > Math.Max(penalty.Violation(gradient, weights, lambda), Math.Max(1e-12 * reference, noise)) * 4) return null;
        if (!smooth && landed is not null && !ZerosHeld(penalty, g, landed, moved, null, 0, lambda)) return null;
        bool quadratic = loss is QuadraticLoss && penalty.IsQuadraticOnStructure;
        double factor = quadratic ? 1 : 2;
        return (factor * delta.L2Norm(), factor * Math.Abs(0.5 * r.DotProduct(du)));
    }

    /// <summary>
    /// For the elastic-net family, each zero that the structure holds is the optimum's only where |∂D/∂w_j| stays
    /// below λα by more than the gradient's rounding there (plus row j of <paramref name="h"/> times
    /// <paramref name="unsure"/>, a distance the caller is unsure of, where given): a zero on a tie within rounding, as
    /// at λ = λ_max, may be a tiny weight at the optimum, and a step of 0 from it once bounded a weight 5e-16 off by 0.
    /// </summary>
    internal static bool ZerosHeld(Penalty penalty, ReadOnlySpan<double> g, double[] rounding, ReadOnlySpan<double> moved, double[]? h, double unsure, double lambda)
    {
        if (penalty.ElasticNetAlpha is not { } alpha) return true;
        int k = moved.Length;
        for (int j = 0; j < k; j++)
        {
            if (moved[j] != 0) continue;
            double row = 0;
            for (int l = 0; h is not null && l < k; l++) row += h[j * k + l] * h[j * k + l];
            if (!(Math.Abs(g[j]) + rounding[j] + Math.Sqrt(row) * unsure <= lambda * alpha)) return false;
        }
        return true;
    }

    /// <summary>The structure's map with the columns of each group's coordinates summed into one: they move together.</summary>
    internal static Matrix<double> Merge(Matrix<double> map, int[][] groups)
    {
        var inGroup = new int[map.RowCount];
        Array.Fill(inGroup, -1);
        for (int g = 0; g < groups.Length; g++) foreach (int j in groups[g]) inGroup[j] = g;
        var columns = new List<Vector<double>>();
        var seen = new Dictionary<int, int>();
        for (int c = 0; c < map.ColumnCount; c++)
        {
            var col = map.Column(c);
            int row = Enumerable.Range(0, map.RowCount).First(i => col[i] != 0);
            if (inGroup[row] >= 0 && seen.TryGetValue(inGroup[row], out int at)) { columns[at] += col; continue; }
            if (inGroup[row] >= 0) seen[inGroup[row]] = columns.Count;
            columns.Add(col);
        }
        return Matrix<double>.Build.DenseOfColumnVectors(columns);
    }

    internal static Matrix<double> Pseudo(Matrix<double> m) => m.TransposeThisAndMultiply(m).Inverse() * m.Transpose();
}
