namespace Regviz.Core.Problems;

/// <summary>
/// The data term D(w) as solvers and figures see it: value, gradient and Hessian in the parameters, with any
/// intercept already profiled out (D(w) = min_b D(w, b)), so that every solver works on w alone.
/// </summary>
public interface ISmoothLoss
{
    /// <summary>How many parameters w has.</summary>
    int Dimension { get; }
    /// <summary>The parameters' names.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Whether D is convex in w (then KKT conditions certify a global optimum).</summary>
    bool IsConvex { get; }

    /// <summary>D(w).</summary>
    double Value(ReadOnlySpan<double> w);
    /// <summary>∇D(w), written into <paramref name="result"/>.</summary>
    void Gradient(ReadOnlySpan<double> w, Span<double> result);

    /// <summary>∇²D(w), row-major k×k.</summary>
    void Hessian(ReadOnlySpan<double> w, Span<double> result);

    /// <summary>The intercept b that goes with w (0 without <c>--intercept</c>).</summary>
    double InterceptFor(ReadOnlySpan<double> w);
}
