using CsCheck;
using Regviz.Core.Penalties;
using Regviz.Core.ThreeD;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>Every boundary point a ball figure draws is on the ball: P(point) = 1, along any direction, for every norm and grouping.</summary>
public class UnitBallTests
{
    private static readonly Gen<Vec3> Directions =
        Gen.Select(Gen.Double[-1, 1], Gen.Double[-1, 1], Gen.Double[-1, 1], (x, y, z) => new Vec3(x, y, z)).Where(d => d.Length > 1e-3);

    [Fact]
    public void Penalty_balls_boundary_has_penalty_one()
    {
        var penalties = new Func<double, Penalty>[]
        {
            _ => new L1Penalty(), _ => new L2Penalty(), _ => new LInfPenalty(), a => new ElasticNetPenalty(a), p => new LpPenalty(0.2 + 3 * p),
        };
        Gen.Select(Gen.Int[0, penalties.Length - 1], Gen.Double[0, 1], Directions).Sample((k, a, d) =>
        {
            var penalty = penalties[k](a);
            var ball = UnitBall.For(penalty);
            Assert.Equal(1.0, penalty.Value(ball.Boundary(d).ToArray()), 12);
        });
    }

    /// <summary>The groupings of w1, w2, w3 and their group norms Σ_g ‖w_g‖₂, computed here from the grouping's text.</summary>
    [Fact]
    public void Group_ball_boundary_has_group_norm_one()
    {
        string[] groupings = ["1,2:3", "1:2,3", "1:3", "1,2,3", "2,1,3", "3,1:2"];
        Gen.Select(Gen.Int[0, groupings.Length - 1], Directions).Sample((k, d) =>
        {
            var w = UnitBall.Group(UnitBall.ParseGroups(groupings[k], "--groups")).Boundary(d).ToArray();
            double norm = 0;
            foreach (string group in groupings[k].Split(','))
            {
                var ends = group.Split(':').Select(int.Parse).ToArray();
                double sum = 0;
                for (int j = ends[0]; j <= ends[^1]; j++) sum += w[j - 1] * w[j - 1];
                norm += Math.Sqrt(sum);
            }
            Assert.Equal(1.0, norm, 12);
        });
    }

    [Fact]
    public void One_group_is_the_sphere_and_singletons_the_octahedron()
    {
        Directions.Sample(d =>
        {
            Assert.Equal(1.0, UnitBall.Group(UnitBall.ParseGroups("1:3", "--groups")).Boundary(d).Length, 12);
            var w = UnitBall.Group(UnitBall.ParseGroups("1,2,3", "--groups")).Boundary(d);
            Assert.Equal(1.0, Math.Abs(w.X) + Math.Abs(w.Y) + Math.Abs(w.Z), 12);
        });
    }
}
