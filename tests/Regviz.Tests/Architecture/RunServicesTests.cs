using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Architecture;

/// <summary>
/// A command's services (where files go, what may be read and quoted, where warnings go, who hears of the figure and
/// its sidecar) are handed in with its invocation (RunContext), so a batch runs figures in parallel through the same
/// entry as the command line: no state flows through AsyncLocal statics in the tool or the core library, and no
/// warning is read back out of text a figure printed.
/// </summary>
public class RunServicesTests
{
    [Fact]
    public void Neither_the_tool_nor_the_core_library_keeps_run_state_in_AsyncLocal()
    {
        var offenders = new List<string>();
        foreach (string project in new[] { "src/Regviz.Cli", "src/Regviz.Core" })
            foreach (string file in Directory.EnumerateFiles(Path.Combine(Repository.Root, project), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/") || relative.Contains("/bin/")) continue;
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                    if (lines[i].Split("//")[0].Contains("AsyncLocal<", StringComparison.Ordinal))
                        offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
            }
        Assert.True(offenders.Count == 0, "AsyncLocal state (pass it in RunContext instead):\n" + string.Join("\n", offenders));
    }
}
