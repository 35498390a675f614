using System.Runtime.CompilerServices;
using Regviz.Core.Penalties;

namespace Regviz.Tests.Catalogue;

/// <summary>
/// Penalties this test assembly adds to the catalogue, registered as the assembly loads, before any test (or any
/// test's data) reads the catalogue: every catalogue-driven test covers them as it covers the built-in ones. They exist
/// only in this process, so a command line naming them runs in-process even when REGVIZ_EXE names the installed tool.
/// </summary>
internal static class TestPenalties
{
    public static IReadOnlyList<PenaltyKind> Added { get; } = [ToyHuberPenalty.Kind];

    /// <summary>The added penalties the catalogue holds in this run: none against the installed tool (see <see cref="Register"/>).</summary>
    public static IReadOnlyList<PenaltyKind> Registered => [.. Added.Where(k => PenaltyCatalogue.Find(k.Name) is not null)];

    [ModuleInitializer]
    internal static void Register()
    {
        // against the installed tool (REGVIZ_EXE, CI's second pass) the catalogue is the tool's own: a catalogue-driven
        // test (help texts, completions, suggestions) then expects what the tool has, and the toy's own tests run in
        // the in-process pass only (.ci/run leaves this folder out of the second)
        if (Environment.GetEnvironmentVariable("REGVIZ_EXE") is { Length: > 0 }) return;
        foreach (var kind in Added) PenaltyCatalogue.Register(kind);
        Cli.CliRunner.InProcessOnly = Named;
    }

    /// <summary>
    /// How errors list the valid norms: every registered penalty in catalogue order, the three the contract gives an
    /// alias shown with it ("l1 (lasso)"), so a penalty registered later is expected the moment it is registered.
    /// </summary>
    public static string Listed => string.Join(", ", PenaltyCatalogue.Names.Select(n => n switch
    {
        "l1" => "l1 (lasso)",
        "l2" => "l2 (ridge)",
        "elasticnet" => "elasticnet (enet)",
        _ => n,
    }));

    /// <summary>The penalties registered beyond the contract's seven, built-in or this assembly's: what a hand-written list of norms lacks.</summary>
    public static IReadOnlyList<PenaltyKind> Beyond => [.. PenaltyCatalogue.Kinds.Where(k => k.Name is not ("l1" or "l2" or "elasticnet" or "lp" or "linf" or "mcp" or "scad"))];

    /// <summary>Whether <paramref name="args"/> name a penalty or a parameter flag that only this process has.</summary>
    public static bool Named(IEnumerable<string> args) => args.Any(a =>
        Added.Any(k => a.Split(',').Contains(k.Name) || k.Parameters.Any(s => a == $"--{s.Name}" || a.StartsWith($"--{s.Name}=", StringComparison.Ordinal))));
}
