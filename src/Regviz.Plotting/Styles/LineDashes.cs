using ScottPlot;

namespace Regviz.Plotting;

/// <summary>Which lines are solid, dashed or dotted: what tells lines apart when colour cannot (print, greyscale).</summary>
public sealed record LineDashes
{
    /// <summary>Loss contours and the bold level set.</summary>
    public LinePattern Loss { get; init; } = LinePattern.Solid;
    /// <summary>Penalty contours and the bold ball, and the norm figure's level sets.</summary>
    public LinePattern Penalty { get; init; } = LinePattern.Solid;
    /// <summary>The path of w* as λ grows.</summary>
    public LinePattern Path { get; init; } = LinePattern.Dashed;
    /// <summary>An optimiser's iterates.</summary>
    public LinePattern Trace { get; init; } = LinePattern.Solid;
    /// <summary>The path figure's coefficient lines, used in turn; with n colours and m dashes, line j has colour j mod n and dash (j div n) mod m.</summary>
    public IReadOnlyList<LinePattern> Series { get; init; } = [LinePattern.Solid];

    /// <summary>Dash, gap, dot, gap: a fifth pattern beside ScottPlot's four.</summary>
    public static LinePattern DashDot { get; } = new([8, 4, 2, 4], 0, "dash-dot");

    /// <summary>The patterns a style file may name.</summary>
    public static IReadOnlyDictionary<string, LinePattern> Named { get; } = new Dictionary<string, LinePattern>
    {
        ["solid"] = LinePattern.Solid,
        ["dashed"] = LinePattern.Dashed,
        ["densely-dashed"] = LinePattern.DenselyDashed,
        ["dotted"] = LinePattern.Dotted,
        ["dash-dot"] = DashDot,
    };
}
