using Regviz.Core;
using Regviz.Core.Penalties;
using Xunit;

namespace Regviz.Tests.Catalogue;

/// <summary>
/// Every registered penalty at sample values of its declared parameters, for the tests that iterate the catalogue:
/// a penalty is tested the moment it is registered. Samples come from each declaration: the default (or, without one,
/// the range's lower end + 2) times 1, 3 and 6, and the range's closed finite ends, each kept when the range
/// holds it and the penalty's own constructor accepts it (SCAD refuses MCP's smaller γ).
/// </summary>
internal static class CataloguePenalties
{
    /// <summary>"l1", "elasticnet alpha=0", "lp p=1.5", … with the penalty each names.</summary>
    public static IReadOnlyList<(string Label, Penalty Penalty)> All()
    {
        var all = new List<(string, Penalty)>();
        foreach (var kind in PenaltyCatalogue.Kinds)
        {
            all.Add((kind.Name, kind.Create(PenaltyArguments.None)));
            foreach (var spec in kind.Parameters)
                foreach (double v in Samples(spec))
                {
                    if (v == spec.Default) continue;
                    try { all.Add(($"{kind.Name} {spec.Name}={RegularisationForm.RoundTrip(v)}", kind.Create(PenaltyArguments.None.With(spec.Name, v)))); }
                    catch (ProblemArgumentException) { } // this penalty's range is narrower than the shared declaration's
                }
        }
        return all;
    }

    /// <summary>The labels of the penalties that satisfy <paramref name="where"/>, as theory data.</summary>
    public static TheoryData<string> Labels(Func<Penalty, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var (label, penalty) in All()) if (where(penalty)) data.Add(label);
        return data;
    }

    /// <summary>The penalty a label names.</summary>
    public static Penalty Get(string label) => All().First(e => e.Label == label).Penalty;

    /// <summary>Sample values of a declared parameter, inside its range.</summary>
    public static IEnumerable<double> Samples(PenaltyParameterSpec spec)
    {
        var range = spec.Range;
        double baseValue = spec.Default ?? range.Min + 2;
        double[] candidates = [baseValue, 3 * baseValue, 6 * baseValue, range.MinIncluded ? range.Min : double.NaN, range.MaxIncluded ? range.Max : double.NaN];
        return candidates.Where(range.Contains).Distinct();
    }
}
