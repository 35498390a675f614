using System.CommandLine;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Options;

/// <summary>
/// The penalty, declared once for every command that takes one: <c>--norm</c> and the parameters that shape a
/// penalty. A new parameter (<c>--gamma</c> for mcp and scad) is one more option here, listed in
/// <see cref="Parameters"/> and passed on in <see cref="Create"/>: no command changes.
/// </summary>
internal sealed class PenaltyOptions
{
    public readonly Option<string> Norm = new("--norm") { Description = "Penalty P(w): l1 = Σ|w|, l2 = Σw², elasticnet = αΣ|w| + (1−α)Σw², lp = Σ|w|^p, linf = max|w|; a comma list (l1,l2) makes panels in contour and norm", DefaultValueFactory = _ => "l1", HelpName = string.Join("|", PenaltyCatalogue.Names) };
    public readonly Option<double> Alpha = NumberOptions.Required("--alpha", 0.5, "Elastic-net mixing α in [0, 1], the weight of the L1 term (ESL's α weights the ridge term: its α = 0.2 is --alpha 0.8); a comma list makes panels in contour and norm", "α", list: true);
    public readonly Option<double> P = NumberOptions.Required("--p", 0.5, "Exponent 0 < p ≤ 100 of the lp penalty (non-convex for p < 1); a comma list makes panels in contour and norm", "p", list: true);

    private Option[] Parameters => [Alpha, P];

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
        return PenaltyCatalogue.Create(Words.Norm(name), new PenaltySettings(r.GetValue(Alpha), r.GetValue(P)))!;
    }

    public Penalty Bind(ParseResult r) => Create(Name(r), r);
}
