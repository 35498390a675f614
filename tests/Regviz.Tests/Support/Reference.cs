namespace Regviz.Tests.Support;

/// <summary>
/// Brute-force minimisation written in the tests, independent of the solvers under test: a fine grid, then
/// golden-section search (one dimension) or Nelder–Mead (two) from the best grid points.
/// </summary>
internal static class Reference
{
    /// <summary>The minimum of f on [lo, hi]: a grid of <paramref name="nodes"/> points, every candidate given, then golden section around the best.</summary>
    public static (double X, double F) Minimise1D(Func<double, double> f, double lo, double hi, int nodes = 20_001, params double[] candidates)
    {
        double bestX = lo, bestF = double.PositiveInfinity;
        int bestI = 0;
        for (int i = 0; i < nodes; i++)
        {
            double x = lo + (hi - lo) * i / (nodes - 1);
            double v = f(x);
            if (v < bestF) { bestF = v; bestX = x; bestI = i; }
        }
        double a = lo + (hi - lo) * Math.Max(0, bestI - 1) / (nodes - 1);
        double b = lo + (hi - lo) * Math.Min(nodes - 1, bestI + 1) / (nodes - 1);
        var (gx, gf) = Golden(f, a, b);
        if (gf < bestF) (bestX, bestF) = (gx, gf);
        foreach (double c in candidates)
        {
            double v = f(c);
            if (v < bestF) (bestX, bestF) = (c, v);
        }
        return (bestX, bestF);
    }

    /// <summary>Golden-section search on [a, b] (assumes f unimodal there), to the last bits of x.</summary>
    public static (double X, double F) Golden(Func<double, double> f, double a, double b)
    {
        double r = (Math.Sqrt(5) - 1) / 2;
        double c = b - r * (b - a), d = a + r * (b - a);
        double fc = f(c), fd = f(d);
        for (int it = 0; it < 200 && b - a > 1e-15 * (1 + Math.Abs(a) + Math.Abs(b)); it++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - r * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + r * (b - a); fd = f(d); }
        }
        return fc <= fd ? (c, fc) : (d, fd);
    }

    /// <summary>Nelder–Mead in the plane from (x, y) with initial step <paramref name="step"/>, restarted until it stops improving.</summary>
    public static (double X, double Y, double F) NelderMead(Func<double, double, double> f, double x, double y, double step)
    {
        double best = f(x, y);
        for (int restart = 0; restart < 20; restart++)
        {
            var (nx, ny, nf) = NelderMeadOnce(f, x, y, step);
            bool improved = nf < best - 1e-16 * Math.Abs(best);
            if (nf <= best) (x, y, best) = (nx, ny, nf);
            if (!improved) break;
            step = Math.Max(step * 0.1, 1e-9 * (1 + Math.Abs(x) + Math.Abs(y)));
        }
        return (x, y, best);
    }

    private static (double, double, double) NelderMeadOnce(Func<double, double, double> f, double x, double y, double step)
    {
        var p = new (double X, double Y, double F)[] { (x, y, f(x, y)), (x + step, y, f(x + step, y)), (x, y + step, f(x, y + step)) };
        for (int it = 0; it < 4000; it++)
        {
            Array.Sort(p, (a, b) => a.F.CompareTo(b.F));
            double size = Math.Max(Math.Abs(p[1].X - p[0].X) + Math.Abs(p[1].Y - p[0].Y), Math.Abs(p[2].X - p[0].X) + Math.Abs(p[2].Y - p[0].Y));
            if (size <= 1e-15 * (1 + Math.Abs(p[0].X) + Math.Abs(p[0].Y))) break;
            double cx = (p[0].X + p[1].X) / 2, cy = (p[0].Y + p[1].Y) / 2;
            (double X, double Y, double F) At(double t) { double ax = cx + t * (p[2].X - cx), ay = cy + t * (p[2].Y - cy); return (ax, ay, f(ax, ay)); }
            var reflected = At(-1);
            if (reflected.F < p[0].F)
            {
                var expanded = At(-2);
                p[2] = expanded.F < reflected.F ? expanded : reflected;
            }
            else if (reflected.F < p[1].F) p[2] = reflected;
            else
            {
                var contracted = reflected.F < p[2].F ? At(-0.5) : At(0.5);
                if (contracted.F < Math.Min(p[2].F, reflected.F)) p[2] = contracted;
                else
                    for (int i = 1; i < 3; i++)
                    {
                        double sx = p[0].X + 0.5 * (p[i].X - p[0].X), sy = p[0].Y + 0.5 * (p[i].Y - p[0].Y);
                        p[i] = (sx, sy, f(sx, sy));
                    }
            }
        }
        Array.Sort(p, (a, b) => a.F.CompareTo(b.F));
        return (p[0].X, p[0].Y, p[0].F);
    }

    /// <summary>
    /// The minimum of f over the box [−w1, w1]×[−w2, w2] (or [x0, x1]×[y0, y1]): a grid, the best of its local
    /// minima polished by Nelder–Mead, and both axes searched finely (sparse optima live there). Returns the best
    /// point overall and the best point off the axes, so a test can tell whether the optimum is on an axis.
    /// </summary>
    public static (double[] Best, double F, double[] OffAxis, double OffAxisF) Minimise2D(
        Func<double, double, double> f, double x0, double x1, double y0, double y1, int nodes = 301, int polish = 12)
    {
        var v = new double[nodes, nodes];
        double X(int i) => x0 + (x1 - x0) * i / (nodes - 1);
        double Y(int j) => y0 + (y1 - y0) * j / (nodes - 1);
        for (int i = 0; i < nodes; i++)
            for (int j = 0; j < nodes; j++) v[i, j] = f(X(i), Y(j));
        var minima = new List<(double F, int I, int J)>();
        for (int i = 0; i < nodes; i++)
            for (int j = 0; j < nodes; j++)
            {
                bool min = true;
                for (int di = -1; di <= 1 && min; di++)
                    for (int dj = -1; dj <= 1; dj++)
                    {
                        int a = i + di, b = j + dj;
                        if ((di != 0 || dj != 0) && a >= 0 && b >= 0 && a < nodes && b < nodes && v[a, b] < v[i, j]) { min = false; break; }
                    }
                if (min) minima.Add((v[i, j], i, j));
            }
        double step = 2 * Math.Max((x1 - x0), (y1 - y0)) / (nodes - 1);
        double[] offAxis = [0, 0];
        double offF = double.PositiveInfinity;
        foreach (var m in minima.OrderBy(m => m.F).Take(polish))
        {
            var (px, py, pf) = NelderMead(f, X(m.I), Y(m.J), step);
            if (pf < offF && px != 0 && py != 0) { offF = pf; offAxis = [px, py]; }
        }
        double[] best = offAxis;
        double bestF = offF;
        var ax = Minimise1D(x => f(x, 0), x0, x1, 40_001, 0);
        if (ax.F < bestF) { best = [ax.X, 0]; bestF = ax.F; }
        var ay = Minimise1D(y => f(0, y), y0, y1, 40_001, 0);
        if (ay.F < bestF) { best = [0, ay.X]; bestF = ay.F; }
        return (best, bestF, offAxis, offF);
    }
}
