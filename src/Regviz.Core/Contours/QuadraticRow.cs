using System.Numerics;

namespace Regviz.Core.Contours;

/// <summary>One grid row of a quadratic in x: row[i] = (a·x_i + b)·x_i + c with x_i = x0 + i·dx, vectorised.</summary>
internal static class QuadraticRow
{
    public static void Evaluate(Span<double> row, double x0, double dx, double a, double b, double c)
    {
        int width = Vector<double>.Count, i = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= width)
        {
            Span<double> lanes = stackalloc double[width];
            for (int l = 0; l < width; l++) lanes[l] = l;
            var offsets = new Vector<double>(lanes) * dx;
            Vector<double> va = new(a), vb = new(b), vc = new(c);
            for (; i <= row.Length - width; i += width)
            {
                var x = new Vector<double>(x0 + i * dx) + offsets;
                ((va * x + vb) * x + vc).CopyTo(row[i..]);
            }
        }
        for (; i < row.Length; i++)
        {
            double x = x0 + i * dx;
            row[i] = (a * x + b) * x + c;
        }
    }
}
