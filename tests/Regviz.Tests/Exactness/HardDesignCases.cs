using CsCheck;
using Regviz.Core.Data;
using Regviz.Tests.Support;

namespace Regviz.Tests.Exactness;

/// <summary>One hard design as the solvers and the reference both see it.</summary>
internal sealed record HardCase(string Name, HardData Data, bool Intercept)
{
    public Dataset Dataset => new(
        Enumerable.Range(1, Data.Features).Select(j => $"x{j}").ToArray(),
        Enumerable.Range(0, Data.Features).Select(j => Data.X.Select(row => row[j]).ToArray()).ToArray(),
        Data.Y, "y");

    public override string ToString() => $"{Name}{(Intercept ? " +intercept" : "")}";
}

/// <summary>
/// Generators of the designs that broke the solvers before: condition numbers of X from 1e4 to 1e10, more features
/// than rows, exactly and nearly duplicated columns, columns scaled by 1e±6; each with and without an intercept.
/// </summary>
internal static class HardDesignCases
{
    public static readonly Gen<HardCase> Any = Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 6], Gen.Bool, Make);

    /// <summary>Designs whose least-squares optimum is unique and moderate (for the ball forms, t a fraction of N(w_ls)).</summary>
    public static readonly Gen<HardCase> FullRank = Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 2], Gen.Bool, (seed, kind, intercept) => kind switch
    {
        0 => new HardCase("cond 1e4 30x8", HardDesigns.IllConditioned(seed, 30, 8, 1e4, intercept), intercept),
        1 => new HardCase("cond 1e6 50x10", HardDesigns.IllConditioned(seed, 50, 10, 1e6, intercept), intercept),
        _ => new HardCase("scaled 40x6", HardDesigns.Scaled(seed, 40, 6), intercept),
    });

    private static HardCase Make(int seed, int kind, bool intercept) => kind switch
    {
        0 => new HardCase("cond 1e4 30x8", HardDesigns.IllConditioned(seed, 30, 8, 1e4, intercept), intercept),
        1 => new HardCase("cond 1e6 50x10", HardDesigns.IllConditioned(seed, 50, 10, 1e6, intercept), intercept),
        2 => new HardCase("cond 1e10 50x10", HardDesigns.IllConditioned(seed, 50, 10, 1e10, intercept), intercept),
        3 => new HardCase("wide 20x30", HardDesigns.IllConditioned(seed, 20, 30, 1e3, intercept), intercept),
        4 => new HardCase("duplicated 40x8", HardDesigns.Duplicated(seed, 40, 8, exact: true), intercept),
        5 => new HardCase("near-duplicated 40x8", HardDesigns.Duplicated(seed, 40, 8, exact: false), intercept),
        _ => new HardCase("scaled 40x6", HardDesigns.Scaled(seed, 40, 6), intercept),
    };
}
