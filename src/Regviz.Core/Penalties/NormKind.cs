namespace Regviz.Core.Penalties;

public enum NormKind { L1, L2, ElasticNet, Lp, LInf }

public static class NormKinds
{
    /// <summary>The names users type after <c>--norm</c>, in the order help lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["l1", "l2", "elasticnet", "lp", "linf"];

    public static string Name(this NormKind kind) => Names[(int)kind];
}
