using System.Text.Json;
using CsCheck;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The words a course uses are accepted (lasso, ridge, enet, --size N), and an option that would change nothing is
/// refused by name rather than silently ignored (#28; the list is in docs/conventions.md).
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class AliasAndEffectTests : Support.ScratchFolder
{
    [Theory]
    [InlineData("lasso", "l1")]
    [InlineData("ridge", "l2")]
    [InlineData("enet", "elasticnet")]
    [InlineData("LASSO", "l1")]
    public void An_alias_is_the_canonical_norm_in_numbers_sidecar_and_default_name(string alias, string canonical)
    {
        string[] Sidecar(string norm, string json) => ["contour", "--norm", norm, "--size", "200", "--grid", "50", "--json", json];
        string before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Dir;
            var a = CliRunner.Run(Sidecar(alias, "a.json"));
            Assert.True(a.ExitCode == 0, a.Stderr);
            string aliasImage = File.ReadAllText(Path.Combine(Dir, a.Stdout.Trim()), System.Text.Encoding.Latin1);
            var c = CliRunner.Run(Sidecar(canonical, "c.json"));
            Assert.True(c.ExitCode == 0, c.Stderr);
            Assert.Equal(c.Stdout, a.Stdout); // the same default name: one figure, one file
            Assert.StartsWith($"contour-{canonical}-", a.Stdout);
            Assert.Equal(File.ReadAllText(Path.Combine(Dir, c.Stdout.Trim()), System.Text.Encoding.Latin1), aliasImage);
            Assert.Equal(File.ReadAllText(Path.Combine(Dir, "c.json")), File.ReadAllText(Path.Combine(Dir, "a.json")));
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "a.json")));
            Assert.Contains($"\"{canonical}\"", doc.RootElement.ToString());
            Assert.DoesNotContain($"\"{alias.ToLowerInvariant()}\"", doc.RootElement.ToString());
        }
        finally { Environment.CurrentDirectory = before; }
    }

    [Fact]
    public void Aliases_work_in_lists_and_in_solve()
    {
        var r = CliRunner.Run("solve", "--norm", "ridge", "--json", "-");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("l2", doc.RootElement.GetProperty("norm").GetString());
        var s = CliRunner.Run("sparsity", "--norms", "lasso,ridge", "--trials", "50", "--json", Path.Combine(Dir, "s.json"), "--out", Path.Combine(Dir, "s.png"));
        Assert.True(s.ExitCode == 0, s.Stderr);
        using var sparsity = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "s.json")));
        Assert.Equal(["l1", "l2"], sparsity.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("norm").GetString()));
    }

    [Fact]
    public void The_help_of_norm_names_the_aliases()
    {
        var r = CliRunner.Run("contour", "--help");
        Assert.Contains("lasso", r.Stdout);
        Assert.Contains("ridge", r.Stdout);
        Assert.Contains("enet", r.Stdout);
    }

    /// <summary>Width and height of a PNG, from its IHDR chunk.</summary>
    private static (int, int) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
    }

    [Fact]
    public void Size_N_is_a_square_of_side_N()
    {
        Gen.Int[100, 360].Sample(n =>
        {
            string png = Path.Combine(Dir, $"n{n}.png");
            var r = CliRunner.Run("norm", "--size", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", png);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal((n, n), PngSize(png));
        }, iter: 4);
        var bad = CliRunner.Run("norm", "--size", "99", "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--size: 99x99 is outside", Assert.Single(bad.ErrorLines));
    }

    /// <summary>Which norm each penalty parameter shapes: the contract's table, written here, not read from the code.</summary>
    private static readonly Dictionary<string, string[]> Shapes = new()
    {
        ["--alpha"] = ["elasticnet"],
        ["--p"] = ["lp"],
        ["--gamma"] = ["mcp", "scad"],
    };

    private static readonly Dictionary<string, string> Values = new() { ["--alpha"] = "0.3", ["--p"] = "0.7", ["--gamma"] = "3.5" };

    [Fact]
    public void A_penalty_parameter_is_refused_exactly_when_no_named_norm_uses_it()
    {
        string[] norms = ["l1", "l2", "elasticnet", "lp", "linf", "mcp", "scad", "lasso", "ridge", "enet"];
        string Canonical(string n) => n switch { "lasso" => "l1", "ridge" => "l2", "enet" => "elasticnet", _ => n };
        foreach (var (flag, owners) in Shapes)
            foreach (string norm in norms)
            {
                var r = CliRunner.Run("solve", "--norm", norm, flag, Values[flag]);
                if (owners.Contains(Canonical(norm)))
                    Assert.True(r.ExitCode == 0, $"{norm} {flag}: {r.Stderr}");
                else
                {
                    Assert.Equal(2, r.ExitCode);
                    Assert.Equal($"error: {flag} has no effect with --norm {Canonical(norm)} (it is ", Assert.Single(r.ErrorLines)[..($"error: {flag} has no effect with --norm {Canonical(norm)} (it is ".Length)]);
                    Assert.Empty(r.Stdout);
                }
            }
    }

    [Fact]
    public void A_parameter_used_by_any_norm_of_a_list_is_kept()
    {
        var ok = CliRunner.Run("norm", "--norm", "l1,enet", "--alpha", "0.3", "--size", "200", "--out", Path.Combine(Dir, "ok.png"));
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var refused = CliRunner.Run("norm", "--norm", "l1,ridge", "--alpha", "0.3", "--out", Path.Combine(Dir, "no.png"));
        Assert.Equal("error: --alpha has no effect with --norm l1,l2 (it is elasticnet's mixing weight: --norm elasticnet)", Assert.Single(refused.ErrorLines));
        var sparsity = CliRunner.Run("sparsity", "--norms", "l1,l2", "--gamma", "3", "--out", Path.Combine(Dir, "s.png"));
        Assert.Equal(2, sparsity.ExitCode);
        Assert.StartsWith("error: --gamma has no effect with --norms l1,l2", Assert.Single(sparsity.ErrorLines));
        Assert.False(File.Exists(Path.Combine(Dir, "no.png")));
        Assert.False(File.Exists(Path.Combine(Dir, "s.png")));
    }

    [Theory]
    [InlineData("contour")]
    [InlineData("animate")]
    public void Steps_without_trace_is_refused(string command)
    {
        var r = CliRunner.Run(command, "--steps", "10", "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --steps has no effect without --trace (it counts the optimiser's steps: --trace gd|ista|fista|cd)", Assert.Single(r.ErrorLines));
    }

    [Theory]
    [InlineData("animate", new[] { "--radius", "1" })]
    [InlineData("animate", new[] { "--radius" })]
    [InlineData("explore", new[] { "--radius", "0.5" })]
    [InlineData("animate", new[] { "--trace", "ista", "--radius", "1" })]
    public void Radius_in_a_sweep_names_the_option_that_sweeps_t(string command, string[] args)
    {
        var r = CliRunner.Run([command, .. args, "--out", Path.Combine(Dir, "x.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --radius: a sweep has no single t; --sweep radius sweeps t", Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void An_unknown_sweep_is_refused_with_a_suggestion()
    {
        var r = CliRunner.Run("animate", "--sweep", "raduis", "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal("error: --sweep: unknown sweep 'raduis' (did you mean 'radius'? valid: lambda, radius)", Assert.Single(r.ErrorLines));
    }

    [Theory]
    [InlineData("sparsity")]
    [InlineData("path")]
    [InlineData("solve")]
    public void Commands_without_panels_do_not_promise_them_for_penalty_parameters(string command)
    {
        // an option's entry runs from its "  --name" line to the next option's
        var entries = System.Text.RegularExpressions.Regex.Split(CliRunner.Run(command, "--help").Stdout, @"\n(?=  -)");
        var penalty = entries.Where(e => e.StartsWith("  --alpha") || e.StartsWith("  --p ") || e.StartsWith("  --gamma")).ToList();
        Assert.Equal(3, penalty.Count);
        Assert.All(penalty, e => Assert.DoesNotContain("panel", e));
    }
}
