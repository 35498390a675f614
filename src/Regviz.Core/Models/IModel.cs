using Regviz.Core.Data;
using Regviz.Core.Problems;

namespace Regviz.Core.Models;

/// <summary>
/// f(x; w): a prediction from one data row and the parameters, with its gradient and Hessian in w, and what
/// else is asked of a model: where its global search looks and which data it brings. Adding a model (say a
/// single tanh neuron) is one file implementing this and one line in <see cref="ModelCatalogue"/>.
/// </summary>
public interface IModel
{
    /// <summary>The short name that identifies the model ("linear", "exp").</summary>
    string Name { get; }

    /// <summary>f(x; w) written out for captions ("w1·exp(w2·x)").</summary>
    string Formula { get; }

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

    /// <summary>
    /// Half-widths (w1, w2) of a box centred on the origin that holds every parameter worth searching for this
    /// data: the global search of a non-convex plane looks there.
    /// </summary>
    (double W1, double W2) SearchBox(DataExtent extent);

    /// <summary>The model's own built-in data, or null when it uses the loss's default.</summary>
    Dataset? BuiltInData(LossKind loss);
}

/// <summary>How large the data are: the largest |x| of each feature column and the largest |y|.</summary>
public sealed record DataExtent(IReadOnlyList<double> MaxAbsColumn, double MaxAbsTarget, LossKind Loss);

/// <summary>Every model by name, in the order help lists them: the one place a new model is registered.</summary>
public static class ModelCatalogue
{
    private static readonly IModel[] Entries = [new LinearModel(), new ExpModel(), new TanhModel()];

    /// <summary>The registered models' names, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(m => m.Name).ToArray();

    /// <summary>The model called <paramref name="name"/>, or null when there is none by that name.</summary>
    public static IModel? Find(string name) => Entries.FirstOrDefault(m => m.Name == name);
}
