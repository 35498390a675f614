namespace Regviz.Core.Contours;

/// <summary>
/// Values of a function of (w1, w2) at the nodes of a regular grid: <see cref="Cells"/> cells per axis, so
/// (Cells + 1)² nodes, stored row by row from the bottom (index j·(Cells+1) + i for x_i, y_j).
/// </summary>
public sealed class ScalarGrid
{
    public ScalarGrid(PlaneRange range, int cells, double[] values)
    {
        if (values.Length != (cells + 1) * (cells + 1)) throw new ArgumentException("values must be (cells+1)²");
        Range = range;
        Cells = cells;
        Values = values;
    }

    public PlaneRange Range { get; }
    public int Cells { get; }
    public int Nodes => Cells + 1;
    public double[] Values { get; }
    public double Dx => Range.Width / Cells;
    public double Dy => Range.Height / Cells;
    public double X(int i) => Range.X0 + i * Dx;
    public double Y(int j) => Range.Y0 + j * Dy;
    public double this[int i, int j] => Values[j * Nodes + i];

    /// <summary>Evaluates f at every node, one row per task across cores (rows are independent).</summary>
    public static ScalarGrid Evaluate(PlaneRange range, int cells, Action<double, double, double, Span<double>> row)
    {
        int nodes = cells + 1;
        var values = new double[nodes * nodes];
        double dx = range.Width / cells, dy = range.Height / cells;
        Parallel.For(0, nodes, j =>
        {
            double y = range.Y0 + j * dy;
            row(range.X0, dx, y, values.AsSpan(j * nodes, nodes));
        });
        return new ScalarGrid(range, cells, values);
    }
}
