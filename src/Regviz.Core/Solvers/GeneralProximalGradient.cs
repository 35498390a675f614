using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Proximal gradient on D(w) + λP(w) for any smooth D and any penalty with a prox: accelerated (FISTA with
/// gradient restart) when the problem is convex, plain monotone steps otherwise. With a known Lipschitz
/// constant of ∇D (least squares: 2·scale·λ_max(G)) the step is 1/L; without one it is found by backtracking.
/// </summary>
internal static class GeneralProximalGradient
{
    public static double[] Minimise(ISmoothLoss loss, Penalty penalty, double lambda, double[] start, bool accelerate,
        double? lipschitz = null, int maxIterations = 200_000)
    {
        int k = loss.Dimension;
        var x = (double[])start.Clone();
        var y = (double[])start.Clone();
        var g = new double[k];
        var z = new double[k];
        var next = new double[k];
        double step = lipschitz is { } l && l > 0 ? 1 / l : 1, t = 1;
        for (int it = 0; it < maxIterations; it++)
        {
            loss.Gradient(y, g);
            double dy = lipschitz is null ? loss.Value(y) : 0;
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
                if (lipschitz is not null) break;
                double value = loss.Value(next);
                if (value <= lin + dist / (2 * step) + 1e-15 * Math.Abs(dy) || step < 1e-20) break;
                step /= 2;
            }
            double change = 0, size = 0, restart = 0, mapping = 0, gradient = 0;
            for (int j = 0; j < k; j++)
            {
                mapping = Math.Max(mapping, Math.Abs(y[j] - next[j]) / step);
                gradient = Math.Max(gradient, Math.Abs(g[j]));
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
            if (lipschitz is null) step *= 1.5; // let the step grow back after a cautious stretch
            // stop when the iterates stand still, or when the gradient mapping (y − prox step)/t — zero exactly at
            // a stationary point — is below 1e-11 of the gradient's scale: KKT to that tolerance
            if (change <= 1e-15 * Math.Max(1, size) || (it > 10 && mapping <= 1e-11 * Math.Max(1e-300, gradient))) break;
        }
        return x;
    }
}
