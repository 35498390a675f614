namespace Regviz.Core.Problems;

/// <summary>The data term D(w) of docs/conventions.md: mean or sum of squared residuals, or the mean logistic loss.</summary>
public enum LossKind { Mse, Sse, Logistic }

public static class LossKinds
{
    public static readonly IReadOnlyList<string> Names = ["mse", "sse", "logistic"];

    public static string Name(this LossKind kind) => Names[(int)kind];
}
