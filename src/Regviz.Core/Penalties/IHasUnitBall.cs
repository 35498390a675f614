namespace Regviz.Core.Penalties;

/// <summary>
/// Opt-in: a penalty with a unit ball {w : P(w) ≤ 1} that the 3-D figure draws (a norm bounds it, or it is the
/// elastic net). MCP and SCAD, whose shape depends on λ, do not implement it.
/// </summary>
public interface IHasUnitBall
{
    /// <summary>The r &gt; 0 with P(r·d) = 1 along the non-zero direction <paramref name="direction"/>.</summary>
    double UnitRadius(ReadOnlySpan<double> direction);

    /// <summary>Whether the ball is an axis-aligned box (L∞'s cube), which a mesh draws face by face so its edges are exact.</summary>
    bool IsBox { get; }
}
