namespace Regviz.Plotting;

/// <summary>Line widths in pixels of an 800-pixel figure; every figure scales them with its size, as it does text.</summary>
public sealed record LineWidths
{
    /// <summary>Loss contours.</summary>
    public float Loss { get; init; } = 1.3f;
    /// <summary>Penalty contours.</summary>
    public float Penalty { get; init; } = 1.2f;
    /// <summary>The loss level set and the penalty ball through w*, drawn bold so the reader sees them touch.</summary>
    public float LevelSet { get; init; } = 3f;
    /// <summary>The path of w* as λ grows.</summary>
    public float Path { get; init; } = 2.2f;
    /// <summary>An optimiser's iterates.</summary>
    public float Trace { get; init; } = 1.2f;
    /// <summary>The lines w₁ = 0 and w₂ = 0.</summary>
    public float AxisLines { get; init; } = 1f;
    /// <summary>The curves of the norm figure (level sets) and of the path figure (coefficients).</summary>
    public float Curves { get; init; } = 1.8f;
    /// <summary>The ball of the sparsity panels.</summary>
    public float Ball { get; init; } = 2f;
}
