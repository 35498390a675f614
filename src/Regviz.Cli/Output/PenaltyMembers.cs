using System.Text.Json;
using Regviz.Core.Penalties;
using Regviz.Core.Sidecars;

namespace Regviz.Cli.Output;

/// <summary>
/// A penalty's parameters as sidecar members: the built-in ones (alpha, p, gamma) in their typed members, and the
/// parameter of a penalty registered later by name in OtherParameters, so a new penalty needs no sidecar change.
/// </summary>
internal sealed record PenaltyMembers(double? Alpha, double? P, double? Gamma, Dictionary<string, JsonElement>? Others)
{
    public static PenaltyMembers Of(Penalty? penalty)
    {
        double? alpha = null, p = null, gamma = null;
        Dictionary<string, JsonElement>? others = null;
        foreach (var a in penalty?.Parameters ?? [])
        {
            switch (a.Name)
            {
                case "alpha": alpha = a.Value; break;
                case "p": p = a.Value; break;
                case "gamma": gamma = a.Value; break;
                default: (others ??= [])[a.Name] = Number(a.Value); break;
            }
        }
        return new PenaltyMembers(alpha, p, gamma, others);
    }

    /// <summary>A number as a sidecar writes it (a non-finite one is refused when written, as every other).</summary>
    public static JsonElement Number(double value) =>
        double.IsFinite(value) ? JsonSerializer.SerializeToElement(value, Sidecar.Options.GetTypeInfo(typeof(double))) : throw new NonFiniteNumberException();
}
