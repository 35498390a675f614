namespace Regviz.Core.Problems;

/// <summary>
/// A sum of products carried in twice the working precision (Ogita, Rump and Oishi's Dot2: every addition's and
/// product's rounding error is kept, by TwoSum and a fused multiply-add): the result is as if computed in
/// quadruple precision and then rounded, so a residual near the optimum keeps digits a plain sum cancels away.
/// </summary>
internal struct ExactSum
{
    private double _hi, _lo;

    public void Add(double x)
    {
        double s = _hi + x, bp = s - _hi;
        _lo += (_hi - (s - bp)) + (x - bp);
        _hi = s;
    }

    public void AddProduct(double a, double b)
    {
        double p = a * b;
        Add(p);
        _lo += Math.FusedMultiplyAdd(a, b, -p);
    }

    /// <summary>The sum as an unevaluated pair hi + lo with |lo| ≤ ε|hi|.</summary>
    public readonly (double Hi, double Lo) Pair
    {
        get
        {
            double s = _hi + _lo;
            return (s, _lo - (s - _hi));
        }
    }

    public readonly double Value => _hi + _lo;

    /// <summary>The mean of <paramref name="v"/> as hi + lo.</summary>
    public static (double Hi, double Lo) Mean(double[] v)
    {
        var sum = new ExactSum();
        foreach (double x in v) sum.Add(x);
        var (hi, lo) = sum.Pair;
        double m = hi / v.Length;
        // (hi + lo − m·n)/n, the first product exact by the fused multiply-add
        double rest = (Math.FusedMultiplyAdd(-m, v.Length, hi) + lo) / v.Length;
        return (m + rest, rest - ((m + rest) - m));
    }
}
