using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>samples/classics: every classic figure from one manifest entry, under image regression.</summary>
public class ClassicsManifestTests : Support.ScratchFolder
{
    [Fact]
    public void Classics_manifest_matches_its_committed_goldens()
    {
        string out_ = Path.Combine(Dir, "out");
        var r = CliRunner.Run("batch", Support.Repository.Path("samples", "classics", "figures.yaml"),
            "--check", Support.Repository.Path("samples", "classics", "golden"), "--out", out_, "--tolerance", "1.0", "--allow-read", Support.Repository.Path("samples", "data"));
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("16 figures", r.Stdout);
        Assert.Contains("0 differ from their golden", r.Stdout);
    }
}
