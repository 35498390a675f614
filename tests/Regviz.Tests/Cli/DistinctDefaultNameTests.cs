using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// A different figure never gets the default name of another, so a second command cannot silently replace the first
/// one's file: the textbook controls, norm's exact levels, path's axis, knots and scaling, panels and overlays.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class DistinctDefaultNameTests : Support.ScratchFolder
{
    private string NameOf(params string[] args)
    {
        string old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Dir;
            var r = CliRunner.Run(args);
            Assert.True(r.ExitCode == 0, r.Stderr);
            return r.Stdout.Trim();
        }
        finally { Environment.CurrentDirectory = old; }
    }

    /// <summary>
    /// README.md and docs/commands.md show one suffixed name; it is what that command writes, so the suffix is stable
    /// (a golden folder or a blog post that names it keeps working) and the example is not made up.
    /// </summary>
    [Fact]
    public void The_suffixed_name_the_docs_show_is_the_one_written()
    {
        const string shown = "contour-l1-lambda0.5-d0c9efe7.png";
        Assert.Contains($"`contour --norm l1 --lambda 0.5 --path` writes `{shown}`", File.ReadAllText(Support.Repository.Path("README.md")).ReplaceLineEndings(" "));
        Assert.Contains($"`contour --norm l1 --lambda 0.5 --path` writes `{shown}`", File.ReadAllText(Support.Repository.Path("docs", "commands.md")).ReplaceLineEndings(" "));
        Assert.Equal(shown, NameOf("contour", "--norm", "l1", "--lambda", "0.5", "--path"));
    }

    [Fact]
    public void Every_variant_of_a_figure_has_its_own_default_name()
    {
        string[] small = ["--size", "300x300", "--grid", "60"];
        var names = new[]
        {
            NameOf(["contour", .. small]),
            NameOf(["contour", "--clean", .. small]),
            NameOf(["contour", "--fill", .. small]),
            NameOf(["contour", "--no-legend", "--no-grid", .. small]),
            NameOf(["contour", "--norm", "l1,l2", .. small]),
            NameOf(["contour", "--norm", "l1,l2", "--overlay", .. small]),
            NameOf(["contour", "--norm", "l1,l2", "--overlay", "--fill", .. small]),
            NameOf(["norm", .. small]),
            NameOf(["norm", "--level", "1", .. small]),
            NameOf(["norm", "--level", "1", "--fill", .. small]),
            NameOf(["norm", "--norm", "l1,l2", .. small]),
            NameOf(["norm", "--norm", "l1,l2", "--overlay", .. small]),
            NameOf(["path", "--size", "300x300"]),
            NameOf(["path", "--xvar", "fraction", "--size", "300x300"]),
            NameOf(["path", "--xvar", "norm", "--size", "300x300"]),
            NameOf(["path", "--knots", "--size", "300x300"]),
            NameOf(["path", "--standardize", "--size", "300x300"]),
        };
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Contains(names, n => n.StartsWith("contour-l1-clean-lambda0.5-", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("norm-l1-level1-", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("path-l1-xfraction-", StringComparison.Ordinal));
        Assert.Equal(names.Length, Directory.GetFiles(Dir, "*.png").Length); // none replaced another
    }

    [Fact]
    public void The_issues_list_gets_one_name_each_and_the_plain_figure_keeps_its_descriptive_name()
    {
        string[] plain = ["contour", "--norm", "l1", "--lambda", "0.5"];
        string data = Path.Combine(Support.Repository.Root, "samples", "data", "diabetes.csv");
        var names = new[]
        {
            NameOf(plain),
            NameOf([.. plain, "--path"]),
            NameOf([.. plain, "--style", "dark"]),
            NameOf([.. plain, "--levels", "5"]),
            NameOf([.. plain, "--size", "400x400"]),
            NameOf([.. plain, "--range", "-1:2,-1:2"]),
            NameOf([.. plain, "--data", data, "--features", "bmi,s5"]),
            NameOf([.. plain, "--title", "Lasso"]),
        };
        Assert.Equal("contour-l1-lambda0.5.png", names[0]);
        Assert.All(names.Skip(1), n => Assert.Matches(@"^contour-l1-lambda0\.5-[0-9a-f]{8}\.png$", n));
        Assert.Equal(names.Length, names.Distinct().Count());
        // options that do not change the picture do not change the name; the order of options does not either
        Assert.Equal(names[0], NameOf([.. plain, "--json", Path.Combine(Dir, "s.json")]));
        // an option given counts at its declared default too: under --clean the levels not given are 3, not 10
        Assert.NotEqual(NameOf([.. plain, "--clean"]), NameOf([.. plain, "--clean", "--levels", "10"]));
        Assert.Equal(names[0], NameOf([.. plain, "--verbose"]));
        // the descriptive part spells λ out in full: a difference in the 7th digit is another name
        Assert.Equal("contour-l1-lambda0.1234567.png", NameOf("contour", "--lambda", "0.1234567"));
        Assert.Equal("contour-l1-lambda0.1234568.png", NameOf("contour", "--lambda", "0.1234568"));
        Assert.Equal(names[1], NameOf(["contour", "--path", "--lambda", "0.5", "--norm", "lasso"]));
    }
}
