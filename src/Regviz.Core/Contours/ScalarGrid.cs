namespace Regviz.Core.Contours;

/// <summary>
/// Values of a function of (w1, w2) at the nodes of a regular grid: <see cref="Cells"/> cells per axis, so
/// (Cells + 1)² nodes, stored row by row from the bottom (index j·(Cells+1) + i for x_i, y_j).
/// </summary>
public sealed class ScalarGrid
{
    /// <summary>A grid of <paramref name="cells"/> × <paramref name="cells"/> cells over <paramref name="range"/> with its node values, row by row (y outer).</summary>
    public ScalarGrid(PlaneRange range, int cells, double[] values)
    {
        if (values.Length != (cells + 1) * (cells + 1)) throw new ArgumentException("values must be (cells+1)²");
        Range = range;
        Cells = cells;
        Values = values;
        _rowRanges = new Lazy<(double[], double[])>(RowRanges, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The part of the plane the grid covers.</summary>
    public PlaneRange Range { get; }
    /// <summary>Cells per axis.</summary>
    public int Cells { get; }
    /// <summary>Nodes per axis (cells + 1).</summary>
    public int Nodes => Cells + 1;
    /// <summary>Node values, row-major with y outer: node (i, j) is Values[j·Nodes + i].</summary>
    public double[] Values { get; }
    /// <summary>Node spacing along w1.</summary>
    public double Dx => Range.Width / Cells;
    /// <summary>Node spacing along w2.</summary>
    public double Dy => Range.Height / Cells;
    /// <summary>w1 of column <paramref name="i"/>.</summary>
    public double X(int i) => Range.X0 + i * Dx;
    /// <summary>w2 of row <paramref name="j"/>.</summary>
    public double Y(int j) => Range.Y0 + j * Dy;
    /// <summary>The value at node (i, j).</summary>
    public double this[int i, int j] => Values[j * Nodes + i];

    /// <summary>
    /// For each row of cells (between node rows j and j + 1), the smallest and largest value on it, computed once:
    /// a level outside that range crosses no cell of the row, so tracing can skip the row whole.
    /// </summary>
    public (double[] Min, double[] Max) CellRowRanges => _rowRanges.Value;

    // levels are traced in parallel: compute once, publish once
    private readonly Lazy<(double[] Min, double[] Max)> _rowRanges;

    private (double[] Min, double[] Max) RowRanges()
    {
        var nodeMin = new double[Nodes];
        var nodeMax = new double[Nodes];
        for (int j = 0; j < Nodes; j++)
        {
            var row = Values.AsSpan(j * Nodes, Nodes);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double v in row) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            (nodeMin[j], nodeMax[j]) = (lo, hi);
        }
        var min = new double[Cells];
        var max = new double[Cells];
        for (int j = 0; j < Cells; j++)
        {
            min[j] = Math.Min(nodeMin[j], nodeMin[j + 1]);
            max[j] = Math.Max(nodeMax[j], nodeMax[j + 1]);
        }
        return (min, max);
    }

    /// <summary>Evaluates f at every node, rows in parallel (rows are independent).</summary>
    public static ScalarGrid Evaluate(PlaneRange range, int cells, Action<double, double, double, Span<double>> row) =>
        Evaluate(range, cells, () => (x0, dx, y, values) => row(x0, dx, y, values), null, CancellationToken.None);

    /// <summary>Consecutive rows one evaluator handles in order, so that it can carry a warm start from row to row.</summary>
    public const int BandRows = 16;

    /// <summary>
    /// Evaluates f at every node on every core, in bands of <see cref="BandRows"/> rows, each band by a fresh
    /// evaluator from <paramref name="newBand"/> called row by row from the bottom. After each row the fraction of
    /// rows done goes to <paramref name="progress"/> (in increasing order, ending at 1); a cancelled token stops
    /// the work between rows with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ScalarGrid Evaluate(PlaneRange range, int cells, Func<GridRow> newBand, IProgress<double>? progress, CancellationToken cancel)
    {
        int nodes = cells + 1, bands = (nodes + BandRows - 1) / BandRows, done = 0;
        var values = new double[nodes * nodes];
        double dx = range.Width / cells, dy = range.Height / cells;
        var gate = new Lock();
        Parallel.For(0, bands, new ParallelOptions { CancellationToken = cancel }, band =>
        {
            var row = newBand();
            for (int j = band * BandRows; j < Math.Min(nodes, (band + 1) * BandRows); j++)
            {
                cancel.ThrowIfCancellationRequested();
                row(range.X0, dx, range.Y0 + j * dy, values.AsSpan(j * nodes, nodes));
                if (progress is not null)
                    lock (gate) progress.Report((double)++done / nodes);
            }
        });
        return new ScalarGrid(range, cells, values);
    }
}

/// <summary>Fills one row of a grid: the nodes x0 + i·dx at height y.</summary>
public delegate void GridRow(double x0, double dx, double y, Span<double> row);
