using Regviz.Core.Penalties;

namespace Regviz.Core.ThreeD;

/// <summary>
/// The unit ball {w ∈ ℝ³ : P(w) ≤ 1} of a penalty, by its exact radius along each direction: every boundary point
/// a figure draws is r(d)·d with r from a closed form, so the l1 faces are flat and the corners sit exactly at ±eⱼ.
/// </summary>
public sealed class UnitBall
{
    private readonly Func<Vec3, double> _radius;

    private UnitBall(string name, string title, Func<Vec3, double> radius, bool isCube, IReadOnlyList<PenaltyParameter>? parameters = null)
    {
        Name = name;
        Title = title;
        _radius = radius;
        IsCube = isCube;
        Parameters = parameters ?? [];
    }

    /// <summary>The penalty's parameters that shape the ball (α, p), as the penalty declares them; none for the group ball.</summary>
    public IReadOnlyList<PenaltyParameter> Parameters { get; }

    /// <summary>Whether <paramref name="penalty"/> has a unit ball, as it says by implementing <see cref="IHasUnitBall"/> (l1, l2, lp, linf, the elastic net; not MCP or SCAD).</summary>
    public static bool Exists(Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        return penalty is IHasUnitBall;
    }

    /// <summary>The norm's name as the command line gives it (l1, group, …).</summary>
    public string Name { get; }

    /// <summary>What a panel's title says.</summary>
    public string Title { get; }

    /// <summary>The L∞ ball: a cube, meshed face by face so its twelve edges are exact.</summary>
    public bool IsCube { get; }

    /// <summary>The boundary point in direction <paramref name="d"/> (any non-zero vector).</summary>
    public Vec3 Boundary(Vec3 d) => _radius(d) * d;

    /// <summary>
    /// The ball of <paramref name="penalty"/>, by the exact radius the penalty gives along each direction
    /// (<see cref="IHasUnitBall.UnitRadius"/>: 1/N(d) for a norm, the elastic net's quadratic in its stable form).
    /// </summary>
    public static UnitBall For(Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        string title = penalty.Title + string.Concat(penalty.Parameters.Select(p => $", {p.Symbol} = {p.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}"));
        if (penalty is not IHasUnitBall ball)
            throw new ArgumentException($"{penalty.Name} bounds no norm, so it has no unit ball", nameof(penalty));
        return new UnitBall(penalty.Name, title, d => ball.UnitRadius(d.ToArray()), ball.IsBox, penalty.Parameters);
    }

    /// <summary>The group-lasso ball Σ_g ‖w_g‖₂ ≤ 1 over <paramref name="groups"/> (0-based indices of w₁..w₃).</summary>
    public static UnitBall Group(IReadOnlyList<int[]> groups)
    {
        string Sub(int i) => "w" + (char)('₁' + i);
        string title = "Group: " + string.Join(" + ", groups.Select(g => g.Length == 1 ? $"|{Sub(g[0])}|" : $"‖({string.Join(", ", g.Select(Sub))})‖"));
        return new UnitBall("group", title, d =>
        {
            double[] w = d.ToArray();
            double n = groups.Sum(g => Math.Sqrt(g.Sum(i => w[i] * w[i])));
            return 1 / n;
        }, false);
    }

    /// <summary>
    /// --groups' text: groups separated by commas, each a weight (2) or a range (2:3), 1-based, covering w₁, w₂, w₃
    /// exactly once: "1,2:3" is {w₁} and {w₂, w₃}.
    /// </summary>
    public static IReadOnlyList<int[]> ParseGroups(string text, string option)
    {
        var groups = new List<int[]>();
        var seen = new bool[3];
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = item.Split(':');
            if (ends.Length > 2 || !ends.All(e => int.TryParse(e, out int k) && k is >= 1 and <= 3))
                throw new InputException($"{option}: '{Excerpt.Of(item)}' is not a weight 1..3 or a range such as 2:3");
            int a = int.Parse(ends[0]), b = int.Parse(ends[^1]);
            if (b < a) throw new InputException($"{option}: the range '{Excerpt.Of(item)}' runs backwards");
            var group = Enumerable.Range(a - 1, b - a + 1).ToArray();
            foreach (int i in group)
            {
                if (seen[i]) throw new InputException($"{option}: w{i + 1} is in two groups");
                seen[i] = true;
            }
            groups.Add(group);
        }
        if (Array.IndexOf(seen, false) is int missing and >= 0)
            throw new InputException($"{option}: w{missing + 1} is in no group (the groups must cover w1, w2, w3)");
        return groups;
    }
}
