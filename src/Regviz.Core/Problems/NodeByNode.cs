namespace Regviz.Core.Problems;

/// <summary>
/// D along one grid row with one evaluation (O(n)) per node: for data terms without a faster grid, and where a
/// faster one could overflow. Non-finite values are capped at double.MaxValue so that contouring still works.
/// </summary>
internal static class NodeByNode
{
    public static void Row(ISmoothLoss loss, double x0, double dx, double y, Span<double> row, CancellationToken cancel)
    {
        for (int i = 0; i < row.Length; i++)
        {
            cancel.ThrowIfCancellationRequested();
            row[i] = Capped(loss.Value([x0 + i * dx, y]));
        }
    }

    public static double Capped(double v) => double.IsFinite(v) ? v : double.MaxValue;
}
