using System.Numerics;

namespace Regviz.Tests.Support;

/// <summary>Exact fractions of BigIntegers: references that no rounding, and no code under test, touches.</summary>
internal readonly record struct Rational(BigInteger Num, BigInteger Den) : IComparable<Rational>
{
    public static readonly Rational Zero = new(0, 1);

    /// <summary>The double's exact value (every finite double is a dyadic fraction).</summary>
    public static Rational From(double x)
    {
        if (x == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger n = mantissa * (x < 0 ? -1 : 1);
        return exponent >= 0 ? new Rational(n * BigInteger.Pow(2, exponent), 1) : Make(n, BigInteger.Pow(2, -exponent));
    }

    private static Rational Make(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0) (n, d) = (-n, -d);
        var g = BigInteger.GreatestCommonDivisor(n, d);
        return g.IsOne || g.IsZero ? new Rational(n, d) : new Rational(n / g, d / g);
    }

    public static Rational operator +(Rational a, Rational b) => Make(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a, Rational b) => Make(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a) => new(-a.Num, a.Den);
    public static Rational operator *(Rational a, Rational b) => Make(a.Num * b.Num, a.Den * b.Den);
    public static Rational operator /(Rational a, Rational b) => Make(a.Num * b.Den, a.Den * b.Num);
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public int CompareTo(Rational other) => (Num * other.Den).CompareTo(other.Num * Den);
    public int Sign => Num.Sign;
    public Rational Abs() => new(BigInteger.Abs(Num), Den);
    /// <summary>
    /// The nearest double to within an ulp: a 64-bit quotient scaled by a power of two. Dividing the two parts as doubles
    /// gave 0 for every fraction whose denominator alone passed 1.8e308 (an exact ridge solution of 0.01 read as 0).
    /// </summary>
    public double ToDouble()
    {
        if (Num.IsZero) return 0;
        int e = 64 - (int)(BigInteger.Abs(Num).GetBitLength() - Den.GetBitLength());
        var q = e >= 0 ? (BigInteger.Abs(Num) << e) / Den : BigInteger.Abs(Num) / (Den << -e);
        return Num.Sign * Math.ScaleB((double)q, -e);
    }

    /// <summary>Solves A x = b exactly by Gaussian elimination (A square and non-singular).</summary>
    public static Rational[] Solve(Rational[,] a, Rational[] b)
    {
        int n = b.Length;
        var m = (Rational[,])a.Clone();
        var r = (Rational[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = Enumerable.Range(c, n - c).First(i => m[i, c].Sign != 0);
            for (int j = 0; j < n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            (r[c], r[pivot]) = (r[pivot], r[c]);
            for (int i = c + 1; i < n; i++)
            {
                if (m[i, c].Sign == 0) continue;
                var f = m[i, c] / m[c, c];
                for (int j = c; j < n; j++) m[i, j] -= f * m[c, j];
                r[i] -= f * r[c];
            }
        }
        var x = new Rational[n];
        for (int i = n - 1; i >= 0; i--)
        {
            var s = r[i];
            for (int j = i + 1; j < n; j++) s -= m[i, j] * x[j];
            x[i] = s / m[i, i];
        }
        return x;
    }
}
