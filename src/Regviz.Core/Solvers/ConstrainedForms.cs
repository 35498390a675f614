using Regviz.Core.Penalties;

namespace Regviz.Core.Solvers;

internal static class ConstrainedForms
{
    /// <summary>
    /// MCP and SCAD have no norm to bound: their shape depends on λ itself, so the constrained form has no
    /// meaning for them.
    /// </summary>
    public static void Check(Penalty penalty)
    {
        if (!penalty.HasConstrainedForm)
            throw new ProblemArgumentException("radius", words => $"{penalty.Name} has no constrained form (its shape depends on λ); use {words.Name("lambda")}");
    }
}
