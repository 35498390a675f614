using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The global optimum of a non-convex two-parameter problem: J is evaluated on a grid over a box that must
/// hold the optimum, every grid local minimum (the axes lie on the grid, so sparse candidates are among them)
/// is polished by a local method, and the best polished point wins.
/// </summary>
internal static class PlaneSearch
{
    private const int Nodes = 161; // odd, so w = 0 is a grid line

    public static double[] Solve(ISmoothLoss loss, Penalty penalty, double lambda, Func<double[], double[]> polish, (double W1, double W2) box)
    {
        if (loss.Dimension != 2)
            throw new ProblemArgumentException(null, $"this problem is not convex, and its global optimum is searched over the plane: it needs exactly two parameters, not {loss.Dimension}");
        double J(double[] w) => loss.Value(w) + lambda * penalty.Value(w);
        var values = new double[Nodes, Nodes];
        double X(int i) => box.W1 * (2.0 * i / (Nodes - 1) - 1);
        double Y(int j) => box.W2 * (2.0 * j / (Nodes - 1) - 1);
        Parallel.For(0, Nodes, i =>
        {
            for (int j = 0; j < Nodes; j++)
            {
                double v = J([X(i), Y(j)]);
                values[i, j] = double.IsFinite(v) ? v : double.MaxValue;
            }
        });
        var starts = new List<(double Value, double[] W)> { (J([0, 0]), [0.0, 0.0]) };
        for (int i = 0; i < Nodes; i++)
            for (int j = 0; j < Nodes; j++)
            {
                bool minimum = true;
                for (int di = -1; di <= 1 && minimum; di++)
                    for (int dj = -1; dj <= 1; dj++)
                    {
                        int a = i + di, b = j + dj;
                        if ((di != 0 || dj != 0) && a >= 0 && b >= 0 && a < Nodes && b < Nodes && values[a, b] < values[i, j]) { minimum = false; break; }
                    }
                if (minimum && values[i, j] < double.MaxValue) starts.Add((values[i, j], [X(i), Y(j)]));
            }
        return starts.OrderBy(s => s.Value).Take(16)
            .Select(s => polish(s.W))
            .Where(w => w.All(double.IsFinite))
            .MinBy(J)!;
    }
}
