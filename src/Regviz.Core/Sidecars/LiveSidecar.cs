using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary><c>regviz explore --json</c> of a live page: the quadratic loss it starts from and regviz's own optima there.</summary>
public sealed record LiveSidecar
{
    /// <summary>"live".</summary>
    public required string Page { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="ContourSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <summary>The penalties the page draws.</summary>
    public required IReadOnlyList<string> Norms { get; init; }
    /// <summary>The page's opening λ.</summary>
    public required double Lambda { get; init; }
    /// <summary>The opening radius t of a constrained page; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Radius { get; init; }
    /// <summary>m, the loss's least-squares point.</summary>
    public required IReadOnlyList<double> Centre { get; init; }
    /// <summary>A, row by row (a, b, b, d).</summary>
    public required IReadOnlyList<double> Hessian { get; init; }
    /// <summary>D(m).</summary>
    public required double Offset { get; init; }
    /// <summary>What regviz's own solvers give at the opening λ: the page's numbers must agree.</summary>
    public required IReadOnlyList<LiveOptimumSidecar> AtLambda { get; init; }
}

/// <summary>A penalty's optimum at the live page's opening λ.</summary>
public sealed record LiveOptimumSidecar
{
    /// <summary>The penalty's name.</summary>
    public required string Norm { get; init; }
    /// <summary>w*.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <summary>D(w*).</summary>
    public required double DataTerm { get; init; }
    /// <summary>P(w*).</summary>
    public required double Penalty { get; init; }
}
