using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Proximal gradient with backtracking on D(w) + λP(w) for any smooth D and any penalty with a prox:
/// accelerated (FISTA with gradient restart) when the problem is convex, plain monotone steps otherwise.
/// </summary>
public static class GeneralProximalGradient
{
    public static double[] Minimise(ISmoothLoss loss, Penalty penalty, double lambda, double[] start, bool accelerate, int maxIterations = 50_000)
    {
        int k = loss.Dimension;
        var x = (double[])start.Clone();
        var y = (double[])start.Clone();
        var g = new double[k];
        var z = new double[k];
        var next = new double[k];
        double step = 1, t = 1;
        for (int it = 0; it < maxIterations; it++)
        {
            double dy = loss.Value(y);
            loss.Gradient(y, g);
            while (true)
            {
                for (int j = 0; j < k; j++) z[j] = y[j] - step * g[j];
                penalty.Prox(z, step * lambda, next);
                double lin = dy, dist = 0;
                for (int j = 0; j < k; j++)
                {
                    double d = next[j] - y[j];
                    lin += g[j] * d;
                    dist += d * d;
                }
                double value = loss.Value(next);
                if (value <= lin + dist / (2 * step) + 1e-15 * Math.Abs(dy) || step < 1e-20) break;
                step /= 2;
            }
            double change = 0, size = 0, restart = 0;
            for (int j = 0; j < k; j++)
            {
                change = Math.Max(change, Math.Abs(next[j] - x[j]));
                size = Math.Max(size, Math.Abs(next[j]));
                restart += (y[j] - next[j]) * (next[j] - x[j]);
            }
            if (!accelerate || restart > 0) t = 1;
            double tNew = accelerate ? (1 + Math.Sqrt(1 + 4 * t * t)) / 2 : 1;
            for (int j = 0; j < k; j++)
            {
                y[j] = next[j] + (t - 1) / tNew * (next[j] - x[j]);
                x[j] = next[j];
            }
            t = tNew;
            step *= 1.5; // let the step grow back after a cautious stretch
            if (change <= 1e-15 * Math.Max(1, size)) break;
        }
        return x;
    }
}
