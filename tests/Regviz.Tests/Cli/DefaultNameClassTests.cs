using System.CommandLine;
using CsCheck;
using Regviz.Cli;
using Regviz.Core;
using Regviz.Core.Penalties;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// Default names as a class: over every figure command and every option it takes (read from the command itself, so a
/// new option is covered or this test says which one has no sample values), two argument sets that write the same
/// default name must have written the same bytes, the same arguments give the same name, and a run replaces its own
/// file and nothing else.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class DefaultNameClassTests : Support.ScratchFolder
{
    /// <summary>Options that never change the picture: where it goes, what is printed beside it.</summary>
    private static readonly HashSet<string> Neutral = ["--out", "--json", "--alt", "--help"];

    /// <summary>What each command is always given so that one run stays cheap (its values are still varied).</summary>
    private static readonly Dictionary<string, string[]> Cheap = new()
    {
        ["contour"] = ["--size", "--grid"],
        ["norm"] = ["--size", "--grid"],
        ["path"] = ["--size", "--count"],
        ["shrink"] = ["--size"],
        ["sparsity"] = ["--size", "--trials"],
        ["animate"] = ["--size", "--grid", "--frames"],
        ["explore"] = ["--size", "--grid", "--frames"],
        ["surface"] = ["--size", "--grid"],
        ["ball"] = ["--size"],
    };

    /// <summary>Sample values of every option (a flag has the one value null); per command where it means something else there.</summary>
    private static string?[] Samples(string command, string option) => (command, option) switch
    {
        (_, "--size") => ["300x300", "320x300"],
        (_, "--grid") => ["30", "40"],
        (_, "--dpi") => ["96", "150"],
        (_, "--font-size") => ["8", "10"],
        (_, "--theme") => ["dark", "print"],
        (_, "--style") => ["dark", "colorblind", "light"],
        (_, "--title") => ["A", "B"],
        (_, "--data") => ["d1.csv", "d2.csv"],
        (_, "--delimiter") => [","],
        (_, "--target") => ["y"],
        (_, "--features") => ["a,b", "b,a"],
        (_, "--model") => ["exp", "tanh", "linear"],
        (_, "--intercept" or "--path" or "--fill" or "--no-legend" or "--no-labels" or "--no-grid" or "--clean" or "--overlay"
            or "--knots" or "--standardize" or "--reverse") => [null],
        (_, "--loss") => ["sse", "logistic", "mse"],
        (_, "--centre") => ["1,2", "1.5,1"],
        (_, "--hessian") => ["2,0.5,1", "1,0,1"],
        ("shrink", "--norm") => ["l1", "l1,l2", "l0", .. Added],
        ("ball", "--norm") => ["l1", "l2", "lp", "group", "elasticnet"],
        ("contour" or "norm", "--norm") => ["l2", "lp", "elasticnet", "l1,l2", "ridge", "mcp", .. Added],
        (_, "--norm") => ["l2", "lp", "elasticnet", "ridge", "mcp", .. Added],
        (_, "--norms") => ["l1,l2", "l1,linf", ParameterisedNorms],
        (_, "--alpha") => ["0.3", "0.7"],
        (_, "--p") => ["0.7", "1.5"],
        (_, "--gamma") => ["2.5", "4"],
        // a parameter of a penalty registered later: two of the values the catalogue tests use
        (_, _) when Declared(option) is { } spec => [.. Catalogue.CataloguePenalties.Samples(spec).Take(2).Select(v => RegularisationForm.RoundTrip(v))],
        ("contour", "--lambda") => ["0.1", "0.3", "0.1,0.3", "0.3,0.3"],
        ("shrink", "--lambda") => ["0.5", "2"],
        (_, "--lambda") => ["0.1", "0.3"],
        ("contour", "--radius") => ["0.8", "1.2", "0.8,1.2"],
        (_, "--radius") => ["0.8", "1.2"],
        (_, "--range") => ["-1:2,-1:2", "-2:2,-1:2"],
        (_, "--levels") => ["4", "6", "10"], // 10: the declared default, not what --clean uses
        (_, "--trace") => ["gd", "ista"],
        (_, "--start") => ["0,0", "1,1"],
        (_, "--steps") => ["3", "5"],
        (_, "--penalty-levels") => ["0", "2"],
        (_, "--cols") => ["1", "2"],
        (_, "--level") => ["1", "0.5,1"],
        (_, "--count") => ["5", "8"],
        (_, "--ratio") => ["0.01", "0.1"],
        (_, "--xvar") => ["norm", "fraction"],
        (_, "--mark") => ["0.1", "0.2"],
        (_, "--zmax") => ["2", "4"],
        (_, "--objective") => ["0.5", "1"],
        (_, "--trials") => ["40", "60"],
        (_, "--seed") => ["1", "2"],
        (_, "--frames") => ["2", "3"],
        (_, "--from") => ["0.1", "0.2"],
        (_, "--to") => ["1", "2"],
        (_, "--sweep") => ["radius", "lambda"],
        (_, "--fps") => ["5", "10"],
        (_, "--hold") => ["0", "2", "20"], // 20: the declared default, not what a turntable uses
        (_, "--view") => ["30,20", "60,30"],
        (_, "--show") => ["j", "d"],
        (_, "--rotate") => ["10", "20"],
        (_, "--groups") => ["1,2:3", "1:2,3"],
        (_, "--figure") => ["surface", "ball"],
        (_, "--page") => ["frames", "live"],
        _ => [],
    };

    /// <summary>The penalties registered beyond the contract's seven (a later built-in one, this assembly's toy), which every norm option must be able to name.</summary>
    private static readonly string[] Added = [.. Catalogue.TestPenalties.Beyond.Select(k => k.Name)];

    /// <summary>A list of norms that has every penalty parameter (sparsity's --norms with any parameter given).</summary>
    private static readonly string ParameterisedNorms = string.Join(",", PenaltyCatalogue.Kinds.Where(k => k.Parameters.Count > 0).Select(k => k.Name));

    private static PenaltyParameterSpec? Declared(string option) => PenaltyCatalogue.Parameters.FirstOrDefault(s => $"--{s.Name}" == option);

    private static readonly RootCommand Root = RegvizApp.CreateRoot();

    private static Option[] Options(string command) =>
        [.. Root.Subcommands.Single(c => c.Name == command).Options.Where(o => !o.Hidden && !Neutral.Contains(o.Name))];

    [Fact]
    public void Every_option_of_every_figure_command_has_sample_values()
    {
        var missing = Cheap.Keys.SelectMany(c => Options(c).Where(o => Samples(c, o.Name).Length == 0).Select(o => $"{c} {o.Name}")).ToList();
        Assert.True(missing.Count == 0, "no sample values (add them above, or to Neutral if the option never changes the picture): " + string.Join(", ", missing));
    }

    /// <summary>An argument set: for each option given, the index of its sample value.</summary>
    private sealed record Args(string Command, SortedDictionary<string, int> Given)
    {
        public string[] Words() => [Command, .. Given.SelectMany(g => Samples(Command, g.Key)[g.Value] is { } v ? new[] { g.Key, v } : [g.Key])];
        public override string ToString() => string.Join(" ", Words());
    }

    private static Gen<Args> ArgsOf(string command)
    {
        var options = Options(command);
        return Gen.Select(Gen.Int[0, 7].Array[options.Length], Gen.Int[0, 2].Array[Cheap[command].Length]).Select((picks, cheap) =>
        {
            var given = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < options.Length; i++)
                if (picks[i] == 0) given[options[i].Name] = 0; // each option given one time in eight, on average
            for (int i = 0; i < cheap.Length; i++) given[Cheap[command][i]] = cheap[i] % Samples(command, Cheap[command][i]).Length;
            return Coherent(new Args(command, given));
        });
    }

    /// <summary>
    /// <paramref name="a"/> with the options another one needs (a penalty parameter its norm, --start a trace, --centre
    /// its --hessian, a turntable's --frames or animate's --figure its --rotate) and without --theme beside --style, so fewer pairs are refused.
    /// </summary>
    private static Args Coherent(Args a)
    {
        var given = new SortedDictionary<string, int>(a.Given, StringComparer.Ordinal);
        var options = Options(a.Command).Select(o => o.Name).ToHashSet();
        void Need(string option, string value)
        {
            int i = Array.IndexOf(Samples(a.Command, option), value);
            if (options.Contains(option) && i >= 0) given[option] = i;
        }
        string norms = options.Contains("--norms") ? "--norms" : "--norm";
        foreach (var spec in PenaltyCatalogue.Parameters)
            if (given.ContainsKey($"--{spec.Name}"))
                Need(norms, a.Command == "sparsity" ? ParameterisedNorms : PenaltyCatalogue.Kinds.First(k => k.Parameters.Contains(spec)).Name);
        if (given.ContainsKey("--start") || given.ContainsKey("--steps")) Need("--trace", "gd");
        if (given.ContainsKey("--centre")) Need("--hessian", "2,0.5,1");
        if (given.ContainsKey("--hessian")) Need("--centre", "1,2");
        if (given.ContainsKey("--frames") && a.Command is "surface" or "ball") Need("--rotate", "10");
        // animate's turntable options only shape a turn (refused without --rotate)
        if (a.Command == "animate" && new[] { "--figure", "--view", "--show", "--groups" }.Any(given.ContainsKey)) Need("--rotate", "10");
        if (given.ContainsKey("--style")) given.Remove("--theme");
        // an animated trace has a frame a step: few steps, and none of a sweep's options (refused with --trace)
        if (a.Command == "animate" && given.ContainsKey("--trace"))
        {
            foreach (string sweep in new[] { "--frames", "--from", "--to", "--reverse", "--sweep" }) given.Remove(sweep);
            Need("--steps", "3");
        }
        return a with { Given = given };
    }

    /// <summary>A neighbour of <paramref name="a"/>: one option added, taken away or given another value.</summary>
    private static Gen<Args> Neighbour(Args a) =>
        Gen.Select(Gen.Int[0, Options(a.Command).Length - 1], Gen.Int[0, 9]).Select((i, v) =>
        {
            var option = Options(a.Command)[i].Name;
            var given = new SortedDictionary<string, int>(a.Given, StringComparer.Ordinal);
            int count = Samples(a.Command, option).Length;
            if (given.TryGetValue(option, out int now) && (count == 1 || v % 3 == 0) && !Cheap[a.Command].Contains(option)) given.Remove(option);
            else given[option] = given.ContainsKey(option) ? (now + 1 + v % Math.Max(1, count - 1)) % count : v % count;
            return Coherent(new Args(a.Command, given));
        });

    private static readonly Gen<(Args, Args)> Pairs =
        Gen.Int[0, Cheap.Count - 1].Select(i => Cheap.Keys.ElementAt(i)).SelectMany(ArgsOf).SelectMany(a => Neighbour(a).Select(b => (a, b)));

    /// <summary>Runs the arguments in the scratch folder: the default name written and its bytes, or null if refused.</summary>
    private (string Name, byte[] Bytes)? Run(Args args)
    {
        var r = CliRunner.Run(args.Words());
        if (r.ExitCode != 0)
        {
            Assert.True(r.ExitCode == 2, $"{args}: exit {r.ExitCode}: {r.Stderr}");
            if (Environment.GetEnvironmentVariable("REGVIZ_TEST_REFUSALS") is { } log) File.AppendAllText(log, $"{args}: {r.Stderr}");
            return null;
        }
        // the path is one line of stdout (sparsity prints its counts too), a file written in the current folder
        string? name = r.Stdout.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.Contains('/') && File.Exists(Path.Combine(Dir, l)));
        Assert.True(name is not null, $"{args}: no line of stdout names a file written in the current folder: {r.Stdout}");
        return (name, File.ReadAllBytes(Path.Combine(Dir, name)));
    }

    [Fact]
    public void Different_pictures_never_share_a_default_name_and_a_run_replaces_only_its_own_file()
    {
        string[] data = ["d1.csv", "d2.csv"];
        File.WriteAllText(Path.Combine(Dir, data[0]), "a,b,y\n1,0.2,1.1\n0.5,1,1.9\n2,0.4,2.6\n1.5,1.5,3.1\n0.2,0.8,0.9\n");
        File.WriteAllText(Path.Combine(Dir, data[1]), "a,b,y\n1,0.1,1.0\n0.5,1,2.2\n2,0.5,2.5\n1.5,1.4,3.3\n0.3,0.8,0.7\n");
        string old = Environment.CurrentDirectory;
        int compared = 0;
        try
        {
            Environment.CurrentDirectory = Dir;
            // one at a time: the current folder is the process's
            Pairs.Sample((a, b) =>
            {
                foreach (var f in Directory.GetFiles(Dir).Where(f => !data.Contains(Path.GetFileName(f)))) File.Delete(f);
                if (Run(a) is not { } first || Run(b) is not { } second) return;
                compared++;
                if (first.Name == second.Name)
                    Assert.True(first.Bytes.AsSpan().SequenceEqual(second.Bytes), $"'{a}' and '{b}' draw different pictures under one name {first.Name}");
                // the same command again: the same name, and no other file touched
                var before = Directory.GetFiles(Dir).ToDictionary(f => f, File.ReadAllBytes);
                var again = Run(a);
                Assert.Equal(first.Name, again?.Name);
                var after = Directory.GetFiles(Dir).ToDictionary(f => f, File.ReadAllBytes);
                Assert.Equal(before.Keys.Order(), after.Keys.Order());
                foreach (var (file, bytes) in before)
                    if (Path.GetFileName(file) != first.Name) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"'{a}' changed {file}");
            }, iter: 70, threads: 1);
        }
        finally { Environment.CurrentDirectory = old; }
        Assert.True(compared >= 25, $"only {compared} of 70 pairs both ran: the sample values make too many refused commands");
    }
}
