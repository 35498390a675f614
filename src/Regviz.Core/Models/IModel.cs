namespace Regviz.Core.Models;

/// <summary>
/// f(x; w): a prediction from one data row and the parameters, with its gradient and Hessian in w. Adding a
/// model (say a single tanh neuron) is one file implementing this and one line in <see cref="ModelKinds"/>.
/// </summary>
public interface IModel
{
    /// <summary>How many parameters w the model has for <paramref name="features"/> feature columns, or an error.</summary>
    int Parameters(int features);

    /// <summary>Names of the parameters for tables and axes, given the feature names.</summary>
    IReadOnlyList<string> ParameterNames(IReadOnlyList<string> features);

    /// <summary>f(x; w) and its gradient ∂f/∂w (into <paramref name="gradient"/>) and Hessian ∂²f/∂w² (row-major, may be null).</summary>
    double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> gradient, Span<double> hessian);

    /// <summary>Whether f is linear in w (then convex losses stay convex).</summary>
    bool IsLinear { get; }

    /// <summary>
    /// Whether f is affine in w1 when the other parameters are fixed (f = ∂f/∂w1 · w1 + f at w1 = 0): then a loss
    /// grid evaluates a whole row of nodes from one pass over the data instead of one pass per node.
    /// </summary>
    bool IsAffineInFirst { get; }
}

public enum ModelKind { Linear, Exp }

public static class ModelKinds
{
    public static readonly IReadOnlyList<string> Names = ["linear", "exp"];

    public static IModel Create(ModelKind kind) => kind switch
    {
        ModelKind.Linear => new LinearModel(),
        ModelKind.Exp => new ExpModel(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
