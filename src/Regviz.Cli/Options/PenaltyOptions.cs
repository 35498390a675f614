using System.CommandLine;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Options;

/// <summary>
/// The penalty, declared once for every command that takes one: <c>--norm</c> and the parameters that shape a
/// penalty. A new parameter is one more option here, listed in <see cref="Parameters"/> and passed on in
/// <see cref="Create"/>: no command changes.
/// </summary>
internal sealed class PenaltyOptions
{
    public readonly Option<string> Norm = new("--norm") { Description = "Penalty P(w): l1 (or lasso) = Σ|w|, l2 (or ridge) = Σw², elasticnet (or enet) = αΣ|w| + (1−α)Σw², lp = Σ|w|^p, linf = max|w|; mcp and scad (non-convex, --gamma): λP(w) = Σ p(w_j) with MCP p = λ|w| − w²/(2γ) up to |w| = γλ, then γλ²/2; SCAD p = λ|w| up to λ, (2γλ|w| − w² − λ²)/(2(γ−1)) up to γλ, then λ²(γ+1)/2 (no --radius); a comma list (l1,l2) makes panels in contour and norm, or one overlaid figure with --overlay", DefaultValueFactory = _ => "l1", HelpName = string.Join("|", NormAliases.Accepted) };
    public readonly Option<double> Alpha = NumberOptions.Required("--alpha", 0.5, "Elastic-net mixing α in [0, 1], the weight of the L1 term (ESL's α weights the ridge term: its α = 0.2 is --alpha 0.8)", "α", list: true);
    public readonly Option<double> P = NumberOptions.Required("--p", 0.5, "Exponent 0 < p ≤ 100 of the lp penalty (non-convex for p < 1)", "p", list: true);
    public readonly Option<double?> Gamma = NumberOptions.Nullable("--gamma", "γ of mcp (> 1, default 3) and scad (> 2, default 3.7), as in ncvreg: where the penalty stops rising, |w| = γλ", "γ", list: true);

    public Option[] Parameters => [Alpha, P, Gamma];

    /// <summary>The options a comma list may vary to make panels: the norm and its parameters.</summary>
    public Option[] Listable => [Norm, .. Parameters];

    public void AddTo(Command command)
    {
        command.Options.Add(Norm);
        AddParametersTo(command);
    }

    /// <summary>The parameters without --norm, for a command that names its norms another way (sparsity's --norms).</summary>
    public void AddParametersTo(Command command)
    {
        foreach (var option in Parameters) command.Options.Add(option);
    }

    /// <summary>Only the norm's name: a caller can check it before costlier options, as a typo should cost nothing.</summary>
    public string Name(ParseResult r) => Words.Norm(r.GetValue(Norm)!);

    /// <summary>The penalty called <paramref name="name"/> (a registered name), shaped by this command line's parameters.</summary>
    public Penalty Create(string name, ParseResult r)
    {
        foreach (var option in Parameters) PanelOptions.RefuseList(r, option);
        return PenaltyCatalogue.Create(Words.Norm(name), new PenaltySettings(r.GetValue(Alpha), r.GetValue(P), r.GetValue(Gamma)))!;
    }

    public Penalty Bind(ParseResult r) => Create(Name(r), r);
}
