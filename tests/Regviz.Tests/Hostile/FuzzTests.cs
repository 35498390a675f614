using System.Text;
using Regviz.Core.Penalties;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Seeded fuzzing of the two files a pull request brings: CSV data and batch manifests. Valid seeds are mutated
/// (bytes flipped, lines cut or repeated, deep nesting, huge numbers, odd Unicode, control characters); whatever
/// comes out, regviz must answer 0, 1 or 2 — never 70 (a bug), never a stack trace, one error line on failure,
/// and nothing written outside --out. The seed is fixed, so a failure names a case that can be replayed.
/// </summary>
public class FuzzTests : HostileFolder
{
    // fixed for CI; REGVIZ_FUZZ_SEED and REGVIZ_FUZZ_CASES explore further by hand
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("REGVIZ_FUZZ_SEED"), out int s) ? s : 20261127;
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("REGVIZ_FUZZ_CASES"), out int n) ? n : 250;

    private static readonly string[] Csvs =
    [
        "x1,x2,y\n0.5,1.2,2.0\n-1.1,0.3,-0.9\n2.2,-0.4,3.1\n0.1,0.1,0.3\n1.7,2.5,4.4\n-0.6,-1.3,-2.2\n",
        "\"a\",\"b\",\"target\"\n\"1\",\"2\",\"3\"\n\"4.5\",\"-1e-3\",\"6\"\n\"0\",\"1\",\"0\"\n\"2\",\"2\",\"1\"\n",
        "x1,y\n0.1,1.6\n0.5,2.2\n1.0,3.3\n1.5,5.0\n2.0,7.4\n",
    ];

    private const string Manifest = """
        defaults: --size 100x100 --grid 10
        figures:
          - out: a.png
            args: norm --norm l1 --json a.json
          - { out: sub/b.png, args: "contour --norm l2 --data d.csv --lambda 0.3" }
          - out: c.svg
            args: path --norm elasticnet --count 5
        """;

    private static readonly string[] Odd =
    [
        "\u202e", "\ufeff", "e\u0301", "\u2028", "\u0000", "\u001b[31m", "\ud800", "💥", "\\", "\"", "'", ",", ":", "#",
        "&a", "*a", "!!map", "? ", "- ", "{", "}", "[", "]", "|", ">", "%", "@", "../", "/etc/passwd", "\t", "\r",
        "1e308", "-1e309", "99999999999999999999999999999999", "NaN", "-0", "0x1F", "1_000",
    ];

    private static string Mutate(string text, Random rng)
    {
        var s = new StringBuilder(text);
        int count = 1 + rng.Next(4);
        for (int k = 0; k < count; k++)
        {
            int at = rng.Next(s.Length + 1);
            switch (rng.Next(8))
            {
                case 0 when s.Length > 0: // flip a bit of a character
                    int i = Math.Min(at, s.Length - 1);
                    s[i] = (char)(s[i] ^ (1 << rng.Next(7)));
                    break;
                case 1: // cut here
                    s.Length = at;
                    break;
                case 2: // odd token
                    s.Insert(at, Odd[rng.Next(Odd.Length)]);
                    break;
                case 3: // deep nesting
                    int depth = rng.Next(2) == 0 ? rng.Next(10, 80) : rng.Next(1000, 20000);
                    s.Insert(at, new string('[', depth) + new string(']', rng.Next(depth + 1)));
                    break;
                case 4: // a huge number
                    s.Insert(at, rng.Next(2) == 0 ? "1e" + rng.Next(200, 400) : new string('9', rng.Next(20, 2000)));
                    break;
                case 5: // repeat a line
                    var lines = s.ToString().Split('\n');
                    string line = lines[rng.Next(lines.Length)];
                    s.Insert(at, string.Concat(Enumerable.Repeat(line + "\n", rng.Next(1, 50))));
                    break;
                case 6: // delete a span
                    if (at < s.Length) s.Remove(at, Math.Min(s.Length - at, rng.Next(1, 20)));
                    break;
                default: // a random character, any plane
                    s.Insert(at, char.ConvertFromUtf32(rng.Next(2) == 0 ? rng.Next(0, 0x80) : rng.Next(0xA0, 0xD7FF)));
                    break;
            }
        }
        return s.ToString();
    }

    private void Check(CliRunner.Result r, string what, string input)
    {
        string context = $"{what}\n--- input (escaped) ---\n{Escape(input)}\n--- stderr ---\n{r.Stderr}";
        Assert.True(r.ExitCode is 0 or 1 or 2, $"exit {r.ExitCode}: {context}");
        Assert.False(r.Stderr.Contains("   at ") || r.Stdout.Contains("   at Regviz"), $"stack trace: {context}");
        int errors = r.ErrorLines.Count(l => l.StartsWith("error: "));
        Assert.True(r.ExitCode == 0 ? errors == 0 : errors == 1, $"{errors} error lines: {context}");
        Assert.Empty(Directory.EnumerateFiles(Dir, "*.tmp", SearchOption.AllDirectories));
    }

    private static string Escape(string s) => s.Length > 400 ? Rendered(s[..400]) + "…" : Rendered(s);

    private static string Rendered(string s) => string.Concat(s.Select(c => char.IsControl(c) && c != '\n' ? $"\\u{(int)c:x4}" : c.ToString()));

    [Fact]
    public void Mutated_csv_never_crashes()
    {
        var rng = new Random(Seed);
        for (int n = 0; n < Cases; n++)
        {
            string csv = Mutate(Csvs[rng.Next(Csvs.Length)], rng);
            string path = Write("d.csv", Encoding.UTF8.GetBytes(csv));
            Check(CliRunner.Run("solve", "--data", path, "--json", "-"), $"case {n} (seed {Seed})", csv);
        }
    }

    [Fact]
    public void Mutated_manifest_never_crashes_or_escapes()
    {
        var rng = new Random(Seed + 1);
        Write("d.csv", Csvs[0]);
        for (int n = 0; n < Cases; n++)
        {
            string yaml = Mutate(Manifest, rng);
            string path = Write("m.yaml", Encoding.UTF8.GetBytes(yaml));
            Check(CliRunner.Run("batch", path, "--out", PathOf("out"), "--jobs", "1"), $"case {n} (seed {Seed + 1})", yaml);
            Assert.Equal(["d.csv", "m.yaml"], Directory.GetFileSystemEntries(Dir).Select(e => Path.GetFileName(e)!).Where(e => e != "out").Order().ToArray());
        }
    }

    private static readonly string[] Values =
    [
        "0", "-0", "1", "-1", "0.5", "2", "3.7", "1e-320", "1e-300", "1e-12", "1e12", "1e300", "1.7976931348623157e308",
        "-1e308", "NaN", "Infinity", "1,2", "0,0", "1e308,1e308", "-1:1,-1:1", "0:0,0:0", "1:0,1:0", "x", "", .. PenaltyCatalogue.Names, "exp", "tanh", "logistic", "sse", "gd", "cd", "fista", "ista", "norm", "lambda", "x1", "x1,x2",
        "y", "dark", "10", "100", "4000", "100x100", "99999999999",
    ];

    /// <summary>Values that fit an option, so most draws get past the parser to the work; any value still comes one time in four.</summary>
    private static readonly Dictionary<string, string[]> Fitting = new()
    {
        ["--norm"] = [.. PenaltyCatalogue.Names],
        ["--norms"] = ["l1,l2", "lp,linf", "l1,l1,l1", "elasticnet", "mcp,scad", string.Join(",", PenaltyCatalogue.Names)],
        ["--loss"] = ["mse", "sse", "logistic"],
        ["--model"] = ["linear", "exp", "tanh"],
        ["--trace"] = ["gd", "ista", "fista", "cd"],
        ["--xvar"] = ["lambda", "norm"],
        ["--theme"] = ["light", "dark"],
        ["--features"] = ["x1", "x2", "x1,x2", "x2,x1"],
        ["--target"] = ["y", "x1"],
        ["--range"] = ["-1:1,-1:1", "0:1e-9,0:1e-9", "-1e6:1e6,-1:1", "5:-5,-5:5"],
        ["--start"] = ["0,0", "1e6,-1e6", "1e-300,1e-300", "-3,4"],
        ["--levels"] = ["1", "2", "60"],
        ["--steps"] = ["1", "2", "1000"],
        ["--count"] = ["2", "3", "50"],
        ["--seed"] = ["0", "1", "18446744073709551615"],
    };

    private static readonly string[] Numbers = ["0", "-0", "1e-320", "1e-300", "1e-12", "0.5", "1", "2", "3.7", "100", "1e12", "1e300", "-1", "0.999999"];

    private static string ValueFor(string option, Random rng) =>
        rng.Next(4) == 0 ? Values[rng.Next(Values.Length)]
        : Fitting.TryGetValue(option, out var fit) ? fit[rng.Next(fit.Length)]
        : Numbers[rng.Next(Numbers.Length)];

    /// <summary>Every penalty parameter's flag the catalogue declares (--alpha, --p, --gamma, …).</summary>
    private static readonly string[] ParameterFlags = [.. PenaltyCatalogue.Parameters.Select(s => $"--{s.Name}")];

    private static readonly Dictionary<string, string[]> OptionsOf = new()
    {
        ["contour"] = ["--norm", "--lambda", "--radius", .. ParameterFlags, "--loss", "--model", "--features", "--target", "--range", "--levels", "--trace", "--start", "--steps", "--intercept", "--path", "--theme"],
        ["norm"] = ["--norm", .. ParameterFlags, "--range", "--levels", "--theme", "--title"],
        ["path"] = ["--norm", "--lambda", .. ParameterFlags, "--loss", "--model", "--features", "--count", "--ratio", "--xvar", "--intercept"],
        ["solve"] = ["--norm", "--lambda", "--radius", .. ParameterFlags, "--loss", "--model", "--features", "--target", "--intercept"],
        ["sparsity"] = ["--norms", "--radius", "--lambda", .. ParameterFlags, "--seed"],
    };

    [Fact]
    public void Random_option_values_never_crash()
    {
        var rng = new Random(Seed + 3);
        var commands = OptionsOf.Keys.ToArray();
        int made = 0;
        for (int n = 0; n < Cases / 5; n++)
        {
            string command = commands[rng.Next(commands.Length)];
            var args = new List<string> { command };
            for (int k = rng.Next(1, 4); k > 0; k--)
            {
                string option = OptionsOf[command][rng.Next(OptionsOf[command].Length)];
                args.Add(option);
                if (option is not ("--intercept" or "--path")) args.Add(ValueFor(option, rng));
            }
            // small and fast whatever was drawn; a figure's own limits are tested elsewhere
            if (command != "solve") args.AddRange(["--size", "100x100", "--out", PathOf(command + ".png")]);
            if (command is "contour" or "norm") args.AddRange(["--grid", "20"]);
            if (command == "sparsity") args.AddRange(["--trials", "200"]);
            var r = CliRunner.Run([.. args]);
            Check(r, $"case {n} (seed {Seed + 3}): {string.Join(' ', args)}", string.Join(' ', args));
            if (r.ExitCode == 0) made++;
        }
        // the draws must reach the work, not only the parser
        Assert.True(made >= Cases / 20, $"only {made} of {Cases / 5} runs succeeded");
    }

    [Fact]
    public void Random_bytes_as_any_input_never_crash()
    {
        var rng = new Random(Seed + 2);
        for (int n = 0; n < Cases / 5; n++)
        {
            var bytes = new byte[rng.Next(0, 4000)];
            rng.NextBytes(bytes);
            if (rng.Next(2) == 0 && bytes.Length > 8) new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }.CopyTo(bytes, 0);
            string path = Write("x.bin", bytes);
            string text = Encoding.Latin1.GetString(bytes);
            Check(CliRunner.Run("solve", "--data", path), $"csv case {n}", text);
            Check(CliRunner.Run("batch", path, "--out", PathOf("out")), $"manifest case {n}", text);
            Check(CliRunner.Run("compare", path, path), $"image case {n}", text);
        }
    }
}
