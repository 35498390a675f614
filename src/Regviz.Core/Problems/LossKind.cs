namespace Regviz.Core.Problems;

/// <summary>The data term D(w) of docs/conventions.md: mean or sum of squared residuals, or the mean logistic loss.</summary>
public enum LossKind
{
    /// <summary>Mean squared error (1/n)Σ(f + b − y)².</summary>
    Mse,
    /// <summary>Sum of squared errors Σ(f + b − y)².</summary>
    Sse,
    /// <summary>Mean logistic loss (1/n)Σ[log(1 + e^z) − y·z], z = f + b, y ∈ {0, 1}.</summary>
    Logistic,
}

/// <summary>Names of the data terms.</summary>
public static class LossKinds
{
    /// <summary>The data terms' names, in the order help lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["mse", "sse", "logistic"];

    /// <summary>The name of <paramref name="kind"/> ("mse").</summary>
    public static string Name(this LossKind kind) => Names[(int)kind];
}
