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

    [ModuleInitializer]
    internal static void Register()
    {
        foreach (var kind in Added) PenaltyCatalogue.Register(kind);
        Cli.CliRunner.InProcessOnly = Named;
    }

    /// <summary>Whether <paramref name="args"/> name a penalty or a parameter flag that only this process has.</summary>
    public static bool Named(IEnumerable<string> args) => args.Any(a =>
        Added.Any(k => a.Split(',').Contains(k.Name) || k.Parameters.Any(s => a == $"--{s.Name}" || a.StartsWith($"--{s.Name}=", StringComparison.Ordinal))));
}
