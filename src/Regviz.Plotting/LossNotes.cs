using Regviz.Core.Problems;

namespace Regviz.Plotting;

/// <summary>What a figure's title says about the data term when it is not least squares on a linear model.</summary>
public static class LossNotes
{
    /// <summary>For the contour plane, where the model's formula explains the shape of the surface.</summary>
    public static string? ForContour(ProblemSpec spec) => spec.IsLeastSquares ? null
        : spec.Model.IsLinear ? $"{spec.LossKind.Name()} loss" : $"model {spec.Model.Formula}, {spec.LossKind.Name()} loss";

    /// <summary>For the coefficient path, whose title has less room.</summary>
    public static string? ForPath(ProblemSpec spec) => spec.IsLeastSquares ? null
        : spec.Model.IsLinear ? $"{spec.LossKind.Name()} loss" : $"{spec.LossKind.Name()} loss, {spec.Model.Name} model";
}
