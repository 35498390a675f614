using Regviz.Tests.Cli;

namespace Regviz.Tests.Reports;

/// <summary>
/// Goldens written by --update (so each has its record of arguments and numbers), then one change per figure of the
/// kinds a reviewer meets — λ in the manifest, the data behind w*, the title, a font in a style file (pixels only),
/// and a golden from before records — checked once with every report; shared by <see cref="MeaningTests"/>.
/// </summary>
public sealed class MeaningScenario : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("regviz-meaning-").FullName;
    public string Manifest => Path.Combine(Dir, "m.yaml");
    public string Golden => Path.Combine(Dir, "golden");
    public string Report => Path.Combine(Dir, "report");
    public string JUnit => Path.Combine(Dir, "junit.xml");
    public string Summary => Path.Combine(Dir, "summary.json");
    internal CliRunner.Result Made { get; }
    internal CliRunner.Result Result { get; }

    /// <summary>Two data sets of the same shape: the second moves the lasso's w*.</summary>
    public const string DataBefore = "x1,x2,y\n1,0.5,2\n-1,0.2,-1.5\n0.5,-1,0.3\n-0.3,0.8,0.1\n0.9,-0.4,1.4\n";
    public const string DataAfter = "x1,x2,y\n1,0.5,2\n-1,0.2,-1.5\n0.5,-1,-0.9\n-0.3,0.8,0.1\n0.9,-0.4,1.4\n";

    public static string Manifest_(double lambda, string title) => $$"""
        defaults: --size 200x200 --grid 30
        figures:
          - { out: lambda.png, args: contour --norm l1 --lambda {{lambda}} }
          - { out: data.png, args: contour --norm l1 --lambda 0.3 --data d.csv }
          - { out: title.png, args: 'norm --norm l1 --title {{title}}' }
          - { out: font.png, args: norm --norm l1 --style s.yaml }
          - { out: legacy.png, args: contour --norm l2 --lambda {{lambda}} }
          - { out: same.png, args: norm --norm l2 }
        """;

    public MeaningScenario()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "fonts"));
        foreach (string face in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fonts", face), Path.Combine(Dir, "fonts", face));
        File.WriteAllText(Path.Combine(Dir, "d.csv"), DataBefore);
        File.WriteAllText(Path.Combine(Dir, "s.yaml"), "fonts:\n  file: fonts/DejaVuSans.ttf\n");
        File.WriteAllText(Manifest, Manifest_(0.5, "Before"));
        Made = CliRunner.Run("batch", Manifest, "--check", Golden, "--update", "--jobs", "2");
        if (Made.ExitCode != 0) throw new InvalidOperationException(Made.Stdout + Made.Stderr);

        File.WriteAllText(Manifest, Manifest_(0.6, "After"));
        File.WriteAllText(Path.Combine(Dir, "d.csv"), DataAfter);
        File.WriteAllText(Path.Combine(Dir, "s.yaml"), "fonts:\n  file: fonts/DejaVuSans-Bold.ttf\n");
        File.Delete(Path.Combine(Golden, "legacy.png.json"));
        Result = CliRunner.Run("batch", Manifest, "--check", Golden, "--report", Report, "--junit", JUnit, "--summary", Summary, "--jobs", "2");
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
