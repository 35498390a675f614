using System.Text.RegularExpressions;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Architecture;

/// <summary>
/// A new penalty or model is one file plus one registration line only while nothing else asks which penalty or
/// model it has: the behaviour lives on the types. This guards that.
/// </summary>
public partial class BehaviourOnTypesTests
{
    /// <summary>`is L1Penalty`, `case LInfPenalty`, `LpPenalty lp =>`, `(LpPenalty)x`, `is ExpModel`: asking for a concrete type.</summary>
    [GeneratedRegex(@"\b(is|case)\s+(not\s+)?\w+(Penalty|Model)\b|\b\w+(Penalty|Model)\s+\w+\s*=>|\(\s*\w+(Penalty|Model)\s*\)\s*\w", RegexOptions.Multiline)]
    private static partial Regex TypeQuestion();

    [Fact]
    public void Nothing_outside_the_penalties_and_models_switches_on_their_types()
    {
        var offenders = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/") || relative.Contains("/bin/")) continue;
            if (relative.StartsWith("src/Regviz.Core/Penalties/") || relative.StartsWith("src/Regviz.Core/Models/")) continue;
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = lines[i].Split("//")[0];
                // the base types themselves are what every caller is meant to use
                if (TypeQuestion().Match(code) is { Success: true } m && !m.Value.Contains(" Penalty") && !m.Value.Contains("IModel"))
                    offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(offenders.Count == 0, "type switches outside Penalties/ and Models/:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_guard_recognises_a_type_switch()
    {
        Assert.Matches(TypeQuestion(), "if (penalty is LInfPenalty) return;");
        Assert.Matches(TypeQuestion(), "case ElasticNetPenalty e:");
        Assert.Matches(TypeQuestion(), "LpPenalty lp => lp.P,");
        Assert.Matches(TypeQuestion(), "var lp = (LpPenalty)penalty;");
        Assert.Matches(TypeQuestion(), "loss._model is ExpModel");
        Assert.DoesNotMatch(TypeQuestion(), "var penalty = new L1Penalty();");
    }
}
