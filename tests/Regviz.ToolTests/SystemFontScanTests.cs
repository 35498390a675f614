using System.Diagnostics;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Tools;

/// <summary>
/// regviz as a process (the built regviz.dll, or the installed AOT tool with REGVIZ_EXE) draws a figure without opening
/// anything under /usr/share/fonts: Skia's font manager, which read every font there at start-up, is kept from it
/// (SkiaFontScan). Traced with strace (Debian's strace; .ci/run installs it): every path the process and its threads
/// open is in the log. The same figure's bytes are the in-process ones (ExecutableParityTests).
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class SystemFontScanTests : Support.ScratchFolder
{
    private const string SystemFonts = "/usr/share/fonts";

    [Fact]
    public void A_figure_opens_only_the_shipped_fonts()
    {
        var opened = Opened([], "contour", "--norm", "l1", "--lambda", "0.5", "--path", "--out", Path.Combine(Dir, "f.png"));
        // the trace sees the process's own font files: an empty log would pass the next assertion for nothing
        Assert.Contains(opened, p => p.EndsWith("/Fonts/DejaVuSans.ttf", StringComparison.Ordinal));
        Assert.DoesNotContain(opened, p => p.StartsWith(SystemFonts, StringComparison.Ordinal));
    }

    /// <summary>The trace can fail the test above: a title with a character DejaVu Sans lacks makes regviz look for a fallback font there.</summary>
    [Fact]
    public void Looking_for_a_fallback_font_is_seen_in_the_trace()
    {
        var opened = Opened(new() { ["REGVIZ_FONT_DIRS"] = SystemFonts },
            "contour", "--norm", "l1", "--lambda", "0.5", "--title", "正則化", "--out", Path.Combine(Dir, "f.png"));
        Assert.Contains(opened, p => p.StartsWith(SystemFonts, StringComparison.Ordinal));
    }

    /// <summary>The paths regviz opened (successfully or not), run under <c>strace -f</c>.</summary>
    private List<string> Opened(Dictionary<string, string> environment, params string[] args)
    {
        string log = Path.Combine(Dir, $"trace-{Guid.NewGuid():N}.log");
        var regviz = CliRunner.StartInfo(args);
        var start = new ProcessStartInfo("strace", ["-f", "-qq", "-e", "trace=open,openat,openat2", "-o", log, "--", regviz.FileName, .. regviz.ArgumentList])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("strace is not installed: install Debian's strace (apt-get install strace); this test needs it");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "regviz under strace did not finish within 5 minutes");
            Assert.True(process.ExitCode == 0, $"regviz under strace: exit {process.ExitCode}\n{stderr}{stdout.Result}");
        }
        // lines look like: 1234 openat(AT_FDCWD, "/path", O_RDONLY) = 3
        return File.ReadLines(log)
            .Select(l => l.IndexOf('"') is var a and >= 0 && l.IndexOf('"', a + 1) is var b and > 0 ? l[(a + 1)..b] : null)
            .OfType<string>()
            .ToList();
    }
}
