using Regviz.Tests.Cli;

namespace Regviz.Tests.Reports;

/// <summary>
/// One checked batch with every kind of row a report must show, run once and shared by the report tests: two passes
/// (one only thanks to its own manifest tolerance), a moved label, a missing golden, a figure that cannot be made, a
/// golden of another size, and out names a pull request could choose to break a page or an XML file.
/// </summary>
public sealed class CheckScenario : IDisposable
{
    public const string Small = "--size 200x200 --grid 30";
    public const string Script = "<script>alert(\"x\")</script>.png";
    public const string Quotes = "a&b \"q\" 'x' <i>.png";

    /// <summary>Out name → expected status, in manifest order.</summary>
    public static readonly (string Out, string Status)[] Expected =
    [
        ("pass.png", "passed"),
        ("own-tolerance.png", "passed"),
        ("moved.png", "failed"),
        ("missing.png", "missing"),
        ("broken.png", "error"),
        ("resized.png", "failed"),
        (Script, "passed"),
        (Quotes, "failed"),
    ];

    public string Dir { get; } = Directory.CreateTempSubdirectory("regviz-report-").FullName;
    public string Manifest => Path.Combine(Dir, "m.yaml");
    public string Golden => Path.Combine(Dir, "golden");
    public string Report => Path.Combine(Dir, "report");
    public string JUnit => Path.Combine(Dir, "results", "junit.xml");
    public string Summary => Path.Combine(Dir, "results", "summary.json");
    public string Diffs => Path.Combine(Dir, "diffs");
    internal CliRunner.Result Result { get; }

    public CheckScenario()
    {
        File.WriteAllText(Manifest, $$"""
            defaults: {{Small}}
            figures:
              - { out: pass.png, args: norm --norm l1 }
              - out: own-tolerance.png
                args: norm --norm l2
                tolerance: 250
              - { out: moved.png, args: contour --norm l1 --lambda 0.5 }
              - { out: missing.png, args: norm --norm lp }
              - { out: broken.png, args: contour --norm l7 }
              - { out: resized.png, args: norm --norm linf }
              - { out: '{{Script}}', args: norm --norm elasticnet }
              - { out: '{{Quotes.Replace("'", "''")}}', args: 'norm --norm l1 --title "<b>&amp;</b>"' }
            """);
        // the goldens: the same figures, except the ones meant to differ
        string goldens = Path.Combine(Dir, "goldens.yaml");
        File.WriteAllText(goldens, $$"""
            defaults: {{Small}}
            figures:
              - { out: pass.png, args: norm --norm l1 }
              - { out: own-tolerance.png, args: norm --norm l2 --theme dark }
              - { out: moved.png, args: contour --norm l1 --lambda 0.6 }
              - { out: resized.png, args: norm --norm linf --size 200x210 }
              - { out: '{{Script}}', args: norm --norm elasticnet }
              - { out: '{{Quotes.Replace("'", "''")}}', args: norm --norm l1 }
            """);
        var made = CliRunner.Run("batch", goldens, "--out", Golden, "--jobs", "2");
        if (made.ExitCode != 0) throw new InvalidOperationException(made.Stdout + made.Stderr);
        Directory.CreateDirectory(Path.Combine(Dir, "results"));
        Result = CliRunner.Run("batch", Manifest, "--check", Golden, "--report", Report, "--junit", JUnit, "--summary", Summary,
            "--diff", Diffs, "--jobs", "2");
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
