namespace Regviz.Core.Penalties;

/// <summary>
/// A penalty's level sets in words, as a figure's alt text and caption say them: the shape's noun, where its corners
/// are, and what that means for exact zeros. Each penalty declares its own, as it declares its formula, so a figure
/// reads them and names no penalty (issue #27).
/// </summary>
/// <param name="Noun">One level set or ball: "diamond", "rounded square", "level set" (a plural adds "s").</param>
/// <param name="Corners">Where its corners are, as a clause: "corners on the axes", "no corners".</param>
/// <param name="Consequence">What the corners mean for an optimum, the norm figure's last sentence (lower case, no full stop).</param>
/// <param name="AxisPoint">What an optimum on an axis sits at, "corner" or "cusp"; null where the level set is smooth there.</param>
public sealed record ShapeWords(string Noun, string Corners, string Consequence, string? AxisPoint)
{
    /// <summary>A shape with a corner on each axis (a kink of P at 0): the lasso's diamond, the elastic net, MCP.</summary>
    public static ShapeWords CornersOnAxes(string noun) => new(noun, "corners on the axes",
        "their corners lie on the axes, where one weight is exactly 0: a loss's level set tends to touch them there, which is why this penalty gives exact zeros", "corner");

    /// <summary>A shape with a cusp on each axis (P's slope at 0 is infinite): lp with p &lt; 1.</summary>
    public static ShapeWords CuspsOnAxes(string noun) => new(noun, "cusps on the axes",
        "their cusps lie on the axes, where one weight is exactly 0: a loss's level set tends to touch them there, which is why this penalty gives exact zeros", "cusp");

    /// <summary>A shape with no corners (P smooth at 0): ridge's circle, lp with p &gt; 1.</summary>
    public static ShapeWords Smooth(string noun) => new(noun, "no corners",
        "they have no corners, so a loss's level set touches them on an axis only by coincidence: this penalty shrinks weights but does not make them exactly 0", null);
}
