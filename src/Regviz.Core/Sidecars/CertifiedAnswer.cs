using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Regviz.Core.Certificates;

namespace Regviz.Core.Sidecars;

/// <summary>
/// An answer with its optimality certificate (docs/conventions.md): the certificate's members come last in the
/// answer's object, all together, or none of them when the answer has no certificate (<see cref="Kkt"/> null).
/// </summary>
public abstract record CertifiedAnswer
{
    /// <summary>The KKT residual relative to ‖∇D(0)‖∞; an unbounded one is written as the largest double.</summary>
    [JsonPropertyOrder(100)] public double? Kkt { get; init; }

    /// <summary>Whether the answer is certified (KKT residual and bounds within the promise).</summary>
    [JsonPropertyOrder(101)] public bool? Certified { get; init; }

    /// <summary>N(w) − t of a constrained answer; absent otherwise.</summary>
    [JsonPropertyOrder(102), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? NormGap { get; init; }

    /// <summary>The duality gap, or null where there is none.</summary>
    [JsonPropertyOrder(103)] public double? DualityGap { get; init; }

    /// <summary>The duality gap relative to J, or null.</summary>
    [JsonPropertyOrder(104)] public double? DualityGapRelative { get; init; }

    /// <summary>A bound on J(w) − J*, or null.</summary>
    [JsonPropertyOrder(105)] public double? ObjectiveBound { get; init; }

    /// <summary>The strong-convexity modulus of J, or null where J is not strongly convex.</summary>
    [JsonPropertyOrder(106)] public double? StrongConvexity { get; init; }

    /// <summary>A bound on ‖w − w*‖, or null.</summary>
    [JsonPropertyOrder(107)] public double? WeightBound { get; init; }

    /// <summary>Whether the weights, not only the objective, are certified.</summary>
    [JsonPropertyOrder(108)] public bool? WeightsCertified { get; init; }

    /// <summary>The names of the certificate's members, in their order.</summary>
    internal static readonly string[] MemberNames =
        ["kkt", "certified", "norm_gap", "duality_gap", "duality_gap_relative", "objective_bound", "strong_convexity", "weight_bound", "weights_certified"];

    /// <summary>The answers that may have no certificate (a path point not checked, a mark without an exact λ).</summary>
    internal static readonly Type[] MayHaveNone = [typeof(PathPointSidecar), typeof(PathMarkSidecar)];

    /// <summary>The answer's members, with the certificate's (an unbounded KKT residual as the largest double).</summary>
    public static T With<T>(T answer, Certificate? c) where T : CertifiedAnswer => c is null ? answer : answer with
    {
        Kkt = double.IsFinite(c.Kkt) ? c.Kkt : double.MaxValue,
        Certified = c.Certified,
        NormGap = c.NormGap,
        DualityGap = c.DualityGap,
        DualityGapRelative = c.RelativeGap,
        ObjectiveBound = c.ObjectiveBound,
        StrongConvexity = c.Modulus,
        WeightBound = c.WeightBound,
        WeightsCertified = c.Certified && c.WeightBound is not null,
    };

    /// <summary>
    /// The certificate's members are written together or not at all: a null gap is written as null when there is a
    /// certificate (the answer has none), and nothing is written without one (a path point not checked).
    /// </summary>
    internal static void WrittenTogether(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(CertifiedAnswer).IsAssignableFrom(info.Type)) return;
        foreach (var property in info.Properties)
        {
            if (Array.IndexOf(MemberNames, property.Name) < 0) continue;
            bool omitNull = property.Name == "norm_gap";
            property.ShouldSerialize = (owner, value) => ((CertifiedAnswer)owner).Kkt is not null && (!omitNull || value is not null);
        }
    }
}
