using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Proximal gradient on wᵀGw − 2cᵀw + μP(w), for penalties with no finite active-set solver of their own.
/// Accelerated (FISTA with gradient restart) for convex penalties; plain, monotone steps for non-convex
/// ones, where momentum can jump between basins. The result is an approximation that the caller polishes.
/// </summary>
internal static class ProximalGradient
{
    public static double[] Minimise(QuadraticLoss q, Penalty penalty, double mu, double[] start,
        bool accelerate, int maxIterations = 200_000, double tolerance = 1e-15)
    {
        int k = q.Dimension;
        double lipschitz = 2 * Dense.MaxEigenvalue(q);
        if (lipschitz <= 0) return (double[])start.Clone();
        double step = 1 / lipschitz;

        var x = (double[])start.Clone();
        var y = (double[])start.Clone();
        var xNew = new double[k];
        var z = new double[k];
        var gy = new double[k];
        double t = 1;
        for (int it = 0; it < maxIterations; it++)
        {
            CoordinateDescentSolver.MultiplyGram(q, y, gy);
            for (int j = 0; j < k; j++) z[j] = y[j] - step * 2 * (gy[j] - q.Cross[j]);
            penalty.Prox(z, step * mu, xNew);

            double change = 0, size = 0, restart = 0;
            for (int j = 0; j < k; j++)
            {
                change = Math.Max(change, Math.Abs(xNew[j] - x[j]));
                size = Math.Max(size, Math.Abs(xNew[j]));
                restart += (y[j] - xNew[j]) * (xNew[j] - x[j]);
            }
            if (!accelerate || restart > 0) t = 1;
            double tNew = accelerate ? (1 + Math.Sqrt(1 + 4 * t * t)) / 2 : 1;
            double momentum = (t - 1) / tNew;
            for (int j = 0; j < k; j++)
            {
                y[j] = xNew[j] + momentum * (xNew[j] - x[j]);
                x[j] = xNew[j];
            }
            t = tNew;
            if (change <= tolerance * Math.Max(1, size)) break;
        }
        return x;
    }
}
