namespace Regviz.Core.Problems;

/// <summary>
/// The data term D(w) as solvers and figures see it: value, gradient and Hessian in the parameters, with any
/// intercept already profiled out (D(w) = min_b D(w, b)), so that every solver works on w alone.
/// </summary>
public interface ISmoothLoss
{
    int Dimension { get; }
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Whether D is convex in w (then KKT conditions certify a global optimum).</summary>
    bool IsConvex { get; }

    double Value(ReadOnlySpan<double> w);
    void Gradient(ReadOnlySpan<double> w, Span<double> result);

    /// <summary>∇²D(w), row-major k×k.</summary>
    void Hessian(ReadOnlySpan<double> w, Span<double> result);

    /// <summary>The intercept b that goes with w (0 without <c>--intercept</c>).</summary>
    double InterceptFor(ReadOnlySpan<double> w);
}
