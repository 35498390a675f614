using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Traces;

/// <summary>The optimisers a trace can show.</summary>
public enum TraceMethod
{
    /// <summary>(Sub)gradient descent.</summary>
    Gd,
    /// <summary>Proximal gradient (ISTA).</summary>
    Ista,
    /// <summary>Accelerated proximal gradient (FISTA).</summary>
    Fista,
    /// <summary>Coordinate descent, one exact coordinate step at a time.</summary>
    Cd,
}

/// <summary>The iterates of one optimiser, and whether it ran away (then the iterates stop before the first bad one).</summary>
public sealed record OptimiserTrace(TraceMethod Method, IReadOnlyList<double[]> Iterates, bool Diverged, double Step);

/// <summary>
/// Runs a textbook optimiser on J = D + λP and records every iterate, to show how each treats the kink of a
/// penalty: (sub)gradient descent zig-zags across an axis it can never land on, ISTA and FISTA step onto it
/// exactly through the proximal operator, coordinate descent moves one axis at a time and reaches the axis
/// in one soft-threshold. The step is 1/L with L the largest eigenvalue of ∇²D at the start, the origin and
/// the optimum (exact for least squares, where ∇²D is constant).
/// </summary>
public static class OptimiserTraces
{
    /// <summary>The methods' names, in the order help lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["gd", "ista", "fista", "cd"];

    /// <summary>Refuses a step count outside 1..100000.</summary>
    public static void CheckSteps(int steps)
    {
        if (steps < 1 || steps > 100_000) throw new ProblemArgumentException("steps", $"{steps} is outside 1..100000");
    }

    /// <summary>Runs <paramref name="method"/> on J = D + λP from <paramref name="start"/> for <paramref name="steps"/> steps and records every iterate.</summary>
    public static OptimiserTrace Run(ISmoothLoss loss, Penalty penalty, double lambda, TraceMethod method, double[] start, int steps, double[]? optimum = null)
    {
        CheckSteps(steps);
        if (method == TraceMethod.Cd && !penalty.IsSeparable)
            throw new ProblemArgumentException("method", "cd", $"coordinate descent needs a penalty that is a sum over coordinates; {penalty.Name} is not (use ista or fista)");
        int k = loss.Dimension;
        // the curvature of a non-quadratic D varies: take the largest of the start's, the origin's and the optimum's
        double curvature = new[] { start, new double[k], optimum ?? start }.Max(at => LargestCurvature(loss, at));
        double step = 1 / curvature;
        var iterates = new List<double[]> { (double[])start.Clone() };
        double J(double[] w) => loss.Value(w) + lambda * penalty.Value(w);
        double scale = Math.Abs(J(start)) + 1;
        var w = (double[])start.Clone();
        var y = (double[])start.Clone();
        double t = 1;
        var g = new double[k];
        var next = new double[k];
        for (int it = 0; it < steps; it++)
        {
            switch (method)
            {
                case TraceMethod.Gd:
                    loss.Gradient(w, g);
                    var sub = new double[k];
                    penalty.Subgradient(w, sub);
                    for (int j = 0; j < k; j++) next[j] = w[j] - step * (g[j] + lambda * sub[j]);
                    break;
                case TraceMethod.Ista:
                    loss.Gradient(w, g);
                    penalty.Prox(w.Select((v, j) => v - step * g[j]).ToArray(), step * lambda, next);
                    break;
                case TraceMethod.Fista:
                    loss.Gradient(y, g);
                    penalty.Prox(y.Select((v, j) => v - step * g[j]).ToArray(), step * lambda, next);
                    double tNew = (1 + Math.Sqrt(1 + 4 * t * t)) / 2;
                    for (int j = 0; j < k; j++) y[j] = next[j] + (t - 1) / tNew * (next[j] - w[j]);
                    t = tNew;
                    break;
                case TraceMethod.Cd:
                    Array.Copy(w, next, k);
                    CoordinateStep(loss, penalty, lambda, next, it % k, step);
                    break;
            }
            if (next.Any(v => !double.IsFinite(v)) || !(Math.Abs(J(next)) < 1e6 * scale))
                return new OptimiserTrace(method, iterates, true, step);
            Array.Copy(next, w, k);
            iterates.Add((double[])w.Clone());
        }
        return new OptimiserTrace(method, iterates, false, step);
    }

    /// <summary>One exact coordinate step: the 1-D quadratic model of D along coordinate j, then the penalty's scalar prox.</summary>
    private static void CoordinateStep(ISmoothLoss loss, Penalty penalty, double lambda, double[] w, int j, double fallbackStep)
    {
        int k = w.Length;
        var g = new double[k];
        var h = new double[k * k];
        loss.Gradient(w, g);
        loss.Hessian(w, h);
        double curvature = h[j * k + j] > 0 ? h[j * k + j] : 1 / fallbackStep;
        // minimise ½·h·(x − v)² + λp(x): the separable penalty's prox on one coordinate
        w[j] = penalty.ScalarProx(w[j] - g[j] / curvature, lambda / curvature);
    }

    private static double LargestCurvature(ISmoothLoss loss, double[] at)
    {
        int k = loss.Dimension;
        var h = new double[k * k];
        loss.Hessian(at, h);
        double max = Matrix<double>.Build.Dense(k, k, (i, j) => h[i * k + j]).Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);
        return max > 0 ? max : 1;
    }
}
