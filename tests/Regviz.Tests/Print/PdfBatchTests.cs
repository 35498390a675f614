using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>batch makes PDFs and 3-D figures; --check compares a PDF by its bytes (the same command gives the same bytes), so a changed figure differs.</summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PdfBatchTests : Support.ScratchFolder
{
    [Fact]
    public void Batch_check_compares_pdfs_by_bytes()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        void Write(string norms) => File.WriteAllText(manifest, $"""
            figures:
              - out: ball.pdf
                args: ball --norm {norms} --size 300x300
              - out: surface.pdf
                args: surface --norm l1 --lambda 0.5 --size 300x300 --grid 60
            """);
        Write("l1,linf");
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "golden")).ExitCode);
        var same = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "a"), "--check", Path.Combine(Dir, "golden"));
        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        Assert.Contains("ok (identical)", same.Stdout);
        Write("l1,l2");
        var changed = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "b"), "--check", Path.Combine(Dir, "golden"));
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("DIFFERENT (not identical)", changed.Stdout);
    }
}
