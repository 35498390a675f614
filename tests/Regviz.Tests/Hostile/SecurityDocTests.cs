using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>docs/security.md names a test for each bound and promise: every test it names exists and is a test.</summary>
public partial class SecurityDocTests
{
    [Fact]
    public void Every_test_the_security_page_names_exists()
    {
        string page = File.ReadAllText(Support.Repository.Path("docs", "security.md"));
        var named = TestName().Matches(page).Select(m => (Class: m.Groups[1].Value, Method: m.Groups[2].Value)).ToList();
        Assert.True(named.Count >= 20, $"only {named.Count} tests named");
        var tests = typeof(SecurityDocTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()).Select(m => (t.Name, m.Name)))
            .ToHashSet();
        Assert.All(named, n => Assert.Contains((n.Class, n.Method), tests));
    }

    [GeneratedRegex(@"`(\w+Tests)\.(\w+)`")]
    private static partial Regex TestName();
}
