namespace Regviz.Core.Problems;

/// <summary>
/// log(1 + x) to a few ulps for small x too. double.LogP1 is log(1 + x) as written, which keeps only the digits of x
/// that survive 1 + x: at x = 3e-12 it is 1.5e-5 off, and every logistic term of a nearly separated sample is such an x.
/// </summary>
internal static class OnePlusLog
{
    /// <summary>log(1 + x) (Goldberg's correction: the rounding of 1 + x cancels in log(u)·x/(u − 1)).</summary>
    public static double Of(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
