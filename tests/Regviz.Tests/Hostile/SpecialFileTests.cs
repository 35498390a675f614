using System.Diagnostics;
using Regviz.Core.IO;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Outputs that are not regular files: a symbolic link stays a link (its target gets the bytes), a device or FIFO
/// is written in place and stays what it was, never replaced by a regular file.
/// </summary>
public class SpecialFileTests : HostileFolder
{
    [Fact]
    public void Json_to_dev_null_leaves_dev_null_a_device()
    {
        var r = CliRunner.Run("solve", "--json", "/dev/null");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public void Json_to_dev_stdout_reaches_standard_output()
    {
        // its own process: /dev/stdout resolves through /proc/self/fd/1 to a pipe, which only the kernel can open
        var r = RunProcess(TimeSpan.FromSeconds(60), "solve", "--json", "/dev/stdout");
        Assert.True(r.Code == 0, r.Stderr);
        Assert.Contains("\"weights\"", r.Stdout);
        Assert.Contains("feature", r.Stdout);
    }

    [Fact]
    public async Task Json_to_a_fifo_is_written_into_it_and_it_stays_a_fifo()
    {
        string fifo = PathOf("pipe.json");
        using (var mk = Process.Start("mkfifo", fifo)) mk.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = CliRunner.Run("solve", "--json", fifo);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("\"weights\"", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        NoTemporaries();
    }

    [Fact]
    public void Json_to_a_symlink_writes_its_target_and_keeps_the_link()
    {
        string target = Write("target.json", "old");
        string link = PathOf("link.json");
        File.CreateSymbolicLink(link, target);
        var r = CliRunner.Run("solve", "--json", link);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Contains("\"weights\"", File.ReadAllText(target));
        NoTemporaries();
    }

    [Fact]
    public void Figure_to_a_dangling_symlink_creates_its_target()
    {
        string link = PathOf("link.png");
        File.CreateSymbolicLink(link, PathOf("made.png"));
        var r = CliRunner.Run("norm", "--size", "120x120", "--out", link);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.True(File.Exists(PathOf("made.png")));
    }

    [Fact]
    public void Figure_through_a_chain_of_symlinks_keeps_every_link()
    {
        Directory.CreateDirectory(PathOf("real"));
        File.CreateSymbolicLink(PathOf("dirlink"), PathOf("real"));
        File.CreateSymbolicLink(PathOf("real", "a.png"), "b.png");
        var r = CliRunner.Run("norm", "--size", "120x120", "--out", PathOf("dirlink", "a.png"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("b.png", new FileInfo(PathOf("real", "a.png")).LinkTarget);
        Assert.True(File.Exists(PathOf("real", "b.png")));
    }

    [Fact]
    public void Symlink_loop_is_one_error_line() =>
        Fails(2, "symbolic links", "solve", "--json", LoopOf("loop.json"));

    private string LoopOf(string name)
    {
        File.CreateSymbolicLink(PathOf(name), PathOf(name + ".2"));
        File.CreateSymbolicLink(PathOf(name + ".2"), PathOf(name));
        return PathOf(name);
    }

    [Fact]
    public void Stale_temporaries_of_dead_processes_are_removed_and_live_ones_kept()
    {
        int dead;
        using (var p = Process.Start("true")!) { p.WaitForExit(); dead = p.Id; }
        string stale = Write($".regviz-{dead}-0badf00d.tmp", "left by a killed run");
        string live = Write($".regviz-{Environment.ProcessId}-0badf00d.tmp", "being written by a live run");
        string other = Write(".someone-else.tmp", "not ours");
        var r = CliRunner.Run("solve", "--json", PathOf("s.json"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }
}
