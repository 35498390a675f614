using System.CommandLine;
using Regviz.Cli.Errors;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Options;

/// <summary>
/// The penalty, declared once for every command that takes one: <c>--norm</c> and one <c>--NAME</c> option for each
/// parameter the registered penalties declare (<see cref="PenaltyParameterSpec"/>), with the declaration's help,
/// symbol and default. A new penalty's parameter becomes a flag of every command here, with nothing to edit.
/// </summary>
internal sealed class PenaltyOptions
{
    public readonly Option<string> Norm = new("--norm") { Description = Help.PenaltyHelp.NormDescription(), DefaultValueFactory = _ => "l1", HelpName = string.Join("|", NormAliases.Accepted) };

    private readonly (PenaltyParameterSpec Spec, Option Option)[] _parameters = [.. PenaltyCatalogue.Parameters.Select(s => (s, Of(s)))];

    /// <summary>A parameter's flag: a number (a comma list makes panels), its default shown when every penalty shares it.</summary>
    private static Option Of(PenaltyParameterSpec spec)
    {
        string flag = ParameterFlags.Flag(spec.Name), help = spec.Help(ParameterFlags.Words);
        return spec.Default is { } d
            ? NumberOptions.Required(flag, d, help, spec.Symbol, list: true)
            : NumberOptions.Nullable(flag, help, spec.Symbol, list: true);
    }

    /// <summary>Every parameter's option, in the catalogue's order.</summary>
    public Option[] Parameters => [.. _parameters.Select(p => p.Option)];

    /// <summary>The option of the parameter called <paramref name="name"/> ("alpha").</summary>
    public Option Parameter(string name) => _parameters.First(p => p.Spec.Name == name).Option;

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

    /// <summary>The parameters of the penalties named <paramref name="norms"/> only, for a command that draws a few of them (ball).</summary>
    public void AddParametersTo(Command command, IReadOnlyCollection<string> norms)
    {
        foreach (var (spec, option) in _parameters)
            if (PenaltyCatalogue.Kinds.Any(k => norms.Contains(k.Name) && k.Parameters.Contains(spec))) command.Options.Add(option);
    }

    /// <summary>Only the norm's name: a caller can check it before costlier options, as a typo should cost nothing.</summary>
    public string Name(ParseResult r) => Words.Norm(r.GetValue(Norm)!);

    /// <summary>The values this command line gives the parameters (one value each: a list is refused here).</summary>
    public PenaltyArguments Arguments(ParseResult r)
    {
        var arguments = PenaltyArguments.None;
        foreach (var (spec, option) in _parameters)
        {
            PanelOptions.RefuseList(r, option);
            arguments = arguments.With(spec.Name, option is Option<double> required ? r.GetValue(required) : r.GetValue((Option<double?>)option));
        }
        return arguments;
    }

    /// <summary>The penalty called <paramref name="name"/> (a registered name), shaped by this command line's parameters.</summary>
    public Penalty Create(string name, ParseResult r) => PenaltyCatalogue.Create(Words.Norm(name), Arguments(r))!;

    public Penalty Bind(ParseResult r) => Create(Name(r), r);
}
