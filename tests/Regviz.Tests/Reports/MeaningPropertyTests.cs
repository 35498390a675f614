using System.Globalization;
using System.Text.Json;
using CsCheck;
using Regviz.Cli.Batch;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// The meaning of a difference over generated pairs of records: any λ, any w* (zeros included), any feature names.
/// Each change is said once, with numbers that round to the true ones and that differ when the values differ.
/// </summary>
public class MeaningPropertyTests
{
    private static readonly double[] Values = [0, 0, 1, -1, 0.5, 1.319340896233069, 1.3193408962330691, 1e-9, -2.5e-7, 123456.789, 0.1, 0.30000000000000004];

    private static readonly Gen<double> Value = Gen.OneOf(Gen.Int[0, Values.Length - 1].Select(i => Values[i]), Gen.Double[-10, 10]);

    private static FigureRecord Record(double lambda, double[] weights, string[] features)
    {
        string json = JsonSerializer.Serialize(new { optimum = new { lambda, weights }, features, alt = "fixed" });
        return new FigureRecord(["contour", "--norm", "l1", "--lambda", lambda.ToString("R", CultureInfo.InvariantCulture)], JsonDocument.Parse(json).RootElement.Clone());
    }

    private static readonly Gen<(double, double, double[], double[], string[], int)> Pairs =
        Gen.Int[1, 4].SelectMany(n => Gen.Select(
            Gen.OneOf(Value, Gen.Const(0.5)), Gen.OneOf(Value, Gen.Const(0.5)),
            Value.Array[n], Value.Array[n],
            Gen.String[Gen.Char["a-zé"], 1, 6].Array[n], Gen.Int[0, 2]));

    [Fact]
    public void Every_change_is_said_once_and_only_a_change()
    {
        Pairs.Sample(((double L0, double L1, double[] W0, double[] W1, string[] Names, int How) p) =>
        {
            // the second optimum: another one, the same, or the same but for noise in the last bits (well within 1e-9)
            var w1 = p.How switch { 0 => p.W1, 1 => p.W0.ToArray(), _ => p.W0.Select(v => v * (1 + 1e-13)).ToArray() };
            var meaning = Meaning.Compare(Record(p.L0, p.W0, p.Names), Record(p.L1, w1, p.Names), []);
            // moved: beyond the promise of 1e-9 (relative, absolute below 1), written here from the docs, not taken from the code
            static bool Moved(double a, double b) => Math.Abs(a - b) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
            bool weightsMoved = p.W0.Zip(w1).Any(t => Moved(t.First, t.Second));
            string Typed(double v) => v.ToString("R", CultureInfo.InvariantCulture);

            // λ as typed: the arguments differ whenever the numbers do, even within the promise
            bool typedMoved = Typed(p.L0) != Typed(p.L1);
            Assert.Equal(typedMoved ? 1 : 0, meaning.Lines.Count(l => l.StartsWith("λ ")));
            if (typedMoved) Assert.Contains($"λ {Typed(p.L0)} → {Typed(p.L1)}", meaning.Lines);

            var w = meaning.Lines.Where(l => l.StartsWith("w* ")).ToList();
            Assert.Equal(weightsMoved ? 1 : 0, w.Count);
            if (weightsMoved)
            {
                var halves = w[0]["w* ".Length..].Split(" → ");
                Assert.NotEqual(halves[0], halves[1]);
                Close(p.W0, halves[0]);
                Close(w1, halves[1]);
            }

            string Zeros(double[] v) => v.Select((x, i) => (x, i)).Where(t => t.x == 0).Select(t => p.Names[t.i]).ToList() is { Count: > 0 } z ? string.Join(", ", z) : "none";
            bool zerosMoved = Zeros(p.W0) != Zeros(w1);
            if (zerosMoved) Assert.Contains($"exactly 0: {Zeros(p.W0)} → {Zeros(w1)}", meaning.Lines);
            else Assert.DoesNotContain(meaning.Lines, l => l.StartsWith("exactly 0"));

            Assert.Equal(typedMoved || weightsMoved || zerosMoved ? MeaningKind.Changed : MeaningKind.Rendering, meaning.Kind);
        });
    }

    /// <summary>Each shown number is the true one to the digits shown (at least four significant).</summary>
    private static void Close(double[] truth, string tuple)
    {
        var shown = tuple.Trim('(', ')').Split(", ").Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(truth.Length, shown.Length);
        for (int i = 0; i < truth.Length; i++)
            Assert.True(Math.Abs(shown[i] - truth[i]) <= 5e-4 * Math.Abs(truth[i]) + 1e-300, $"{shown[i]} for {truth[i]}");
    }

    [Fact]
    public void A_record_without_numbers_says_only_what_its_arguments_say()
    {
        var now = Record(0.5, [1, 0], ["a", "b"]);
        var bare = new FigureRecord(now.Args, null);
        Assert.Equal(MeaningKind.Unknown, Meaning.Compare(bare, now, []).Kind);
        var moved = Meaning.Compare(new FigureRecord(["contour", "--norm", "l2", "--lambda", "0.5"], null), now, []);
        Assert.Equal(["--norm l2 → l1"], moved.Lines);
    }

    [Fact]
    public void Texts_show_where_they_part()
    {
        var (a, b) = Meaning.Window("L1 (lasso), λ = 0.5: the corner w* = (1.319, 0) on the axis", "L1 (lasso), λ = 0.6: the corner w* = (1.267, 0) on the axis");
        Assert.Equal("…0.5: the corner w* = (1.319,…", a);
        Assert.Equal("…0.6: the corner w* = (1.267,…", b);
    }
}
