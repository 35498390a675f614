using System.Reflection;
using System.Text.RegularExpressions;
using Regviz.Cli;
using Regviz.Core.Problems;
using Regviz.Plotting;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Architecture;

/// <summary>
/// The libraries are usable without the CLI: they speak in their own parameter names, never in its flags (a
/// library caller of <c>new ElasticNetPenalty(1.5)</c> never typed --alpha), and they do not depend on what only
/// the CLI or the drawing needs. Each check also runs on something that must fail it, so that a scanner or a
/// path that finds nothing cannot pass for a clean library.
/// </summary>
public class LibraryBoundaryTests
{
    /// <summary>A flag as users type it: two dashes and a letter.</summary>
    private static readonly Regex Flag = new("--[a-z]");

    [Theory]
    [InlineData("Regviz.Core")]
    [InlineData("Regviz.Plotting")]
    public void No_string_in_a_library_holds_a_CLI_flag(string project) => Assert.Empty(FlagLiterals(project));

    [Fact]
    public void The_flag_scan_finds_the_CLI_flags() => Assert.Contains(FlagLiterals("Regviz.Cli"), l => l.Contains("\"--lambda\""));

    [Theory]
    [InlineData("var a = \"--data\";", true)]
    [InlineData("var a = \"a\\\"--data\\\"\";", true)]
    [InlineData("var a = @\"x \"\"--norm\"\"\";", true)]
    [InlineData("var a = $\"{x} --alpha\";", true)]
    [InlineData("var a = $\"{(b ? \" with --intercept\" : \"\")} rows\";", true)]
    [InlineData("var a = $@\"{{ {x:G6} }} --p\";", true)]
    [InlineData("var a = \"\"\" say \"--norm\" \"\"\";", true)]
    [InlineData("var a = $$\"\"\"{{x}} --trace\"\"\";", true)]
    [InlineData("// \"--data\" in a comment\nvar a = \"ok\";", false)]
    [InlineData("/* \"--data\" */ var a = \"ok\";", false)]
    [InlineData("char q = '\"'; var a = \"ok\"; var b = '\\''; /* --data */", false)]
    [InlineData("var a = \"<!-- x --> -- 2 --1\";", false)]
    [InlineData("var a = $\"--{option}\" + x--y;", false)]
    public void The_literal_scanner_reads_every_kind_of_string(string source, bool hasFlag) =>
        Assert.Equal(hasFlag, CSharpLiterals.In(source).Any(l => Flag.IsMatch(l.Text)));

    [Fact]
    public void Core_references_no_drawing_or_command_line_assembly() =>
        Assert.Empty(References(typeof(ProblemSpec).Assembly, "ScottPlot", "SkiaSharp", "HarfBuzzSharp", "System.CommandLine", "YamlDotNet"));

    [Fact]
    public void Plotting_references_no_command_line_assembly() =>
        Assert.Empty(References(typeof(Theme).Assembly, "System.CommandLine", "YamlDotNet"));

    [Fact]
    public void The_reference_check_sees_the_references_that_are_there()
    {
        Assert.NotEmpty(References(typeof(Theme).Assembly, "ScottPlot"));
        Assert.NotEmpty(References(typeof(RegvizApp).Assembly, "System.CommandLine"));
    }

    /// <summary>Every literal of a project's source that holds a flag, as "file:line: text".</summary>
    private static List<string> FlagLiterals(string project)
    {
        string folder = Repository.Path("src", project);
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .ToList();
        Assert.NotEmpty(files);
        return (from file in files
                from literal in CSharpLiterals.In(File.ReadAllText(file))
                where Flag.IsMatch(literal.Text)
                select $"{Path.GetRelativePath(Repository.Root, file)}:{literal.Line}: \"{literal.Text}\"").ToList();
    }

    private static List<string> References(Assembly assembly, params string[] prefixes) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(n => prefixes.Any(p => n == p || n.StartsWith(p + ".", StringComparison.Ordinal)))
            .ToList();
}
