namespace Regviz.Core.Problems;

/// <summary>
/// D(w) = f·(w − c)ᵀA(w − c) with A = [[a, b], [b, d]] and c exactly as the user gave them (--centre, --hessian).
/// The two data rows that pose it (<see cref="Data.GivenQuadratic"/>) are rounded, and no rounded rows give A: where
/// A is nearly singular and c lies along its flat direction, A·c is small and the rows' rounding (1e-16·‖A‖‖c‖) is
/// a large part of it. So the value and gradient are taken from A and c themselves, in twice the working precision.
/// </summary>
internal sealed record GivenLoss(double A, double B, double D, double Cx, double Cy)
{
    /// <summary>factor·A(w − c), each entry as if computed exactly and then rounded.</summary>
    public void Gradient(ReadOnlySpan<double> w, double factor, Span<double> result)
    {
        for (int row = 0; row < 2; row++)
        {
            var sum = new ExactSum();
            AddRow(ref sum, row, w, factor);
            result[row] = sum.Value;
        }
    }

    /// <summary>
    /// Adds factor·(A(w − c))_row to <paramref name="sum"/> unrounded (to the rounding of factor·A's entries): where
    /// the rest of a condition cancels it (λ at a lasso weight about to enter), the difference keeps its digits.
    /// </summary>
    public void AddRow(ref ExactSum sum, int row, ReadOnlySpan<double> w, double factor)
    {
        var (u, uLo) = TwoDifference(w[0], Cx);
        var (v, vLo) = TwoDifference(w[1], Cy);
        double p = factor * Entry(row, 0), q = factor * Entry(row, 1);
        sum.AddProduct(p, u);
        sum.AddProduct(p, uLo);
        sum.AddProduct(q, v);
        sum.AddProduct(q, vLo);
    }

    /// <summary>(w − c)ᵀA(w − c), with A(w − c) formed as above.</summary>
    public double Value(ReadOnlySpan<double> w)
    {
        Span<double> g = stackalloc double[2];
        Gradient(w, 1, g);
        var sum = new ExactSum();
        sum.AddProduct(w[0] - Cx, g[0]);
        sum.AddProduct(w[1] - Cy, g[1]);
        return Math.Max(0, sum.Value);
    }

    /// <summary>A's entry (row, column) of the 2×2.</summary>
    public double Entry(int row, int column) => row == 0 ? (column == 0 ? A : B) : (column == 0 ? B : D);

    /// <summary>x − y as hi + lo exactly (Knuth's TwoSum on x and −y).</summary>
    private static (double Hi, double Lo) TwoDifference(double x, double y)
    {
        double s = x - y, bp = s - x;
        return (s, (x - (s - bp)) + (-y - bp));
    }
}
