using System.Globalization;
using System.Text.Json;
using Regviz.Core;

namespace Regviz.Cli.Batch;

/// <summary>How a failing figure's meaning compares with its golden's.</summary>
internal enum MeaningKind
{
    /// <summary>Arguments or numbers differ: the lines say which.</summary>
    Changed,
    /// <summary>Same arguments, same numbers, moved pixels.</summary>
    Rendering,
    /// <summary>The golden has no usable record of its arguments and numbers.</summary>
    Unknown,
}

/// <summary>What changed in meaning, said before how many pixels moved: one short line per change.</summary>
internal sealed record Meaning(MeaningKind Kind, IReadOnlyList<string> Lines)
{
    public string Text => string.Join("; ", Lines);

    public string Word => Kind switch { MeaningKind.Changed => "changed", MeaningKind.Rendering => "rendering", _ => "unknown" };

    /// <summary>The most lines one figure gets: a reviewer reads the first few; the rest is counted.</summary>
    private const int MaxLines = 12;

    /// <summary>The longest quoted text (alt text, a title, an argument) on a line.</summary>
    private const int MaxQuote = 160;

    public static Meaning Unknown(string why) => new(MeaningKind.Unknown, [$"meaning unknown: {why}; run --update"]);

    /// <summary>
    /// The golden's record against the figure just made: changed arguments first (λ 0.5 → 0.6), then the numbers of
    /// the sidecar (w*, which weights are exactly 0, the range, the title, the alt text and caption, then any other
    /// number, counted); nothing changed is a rendering change, with the renderer's own difference if there is one.
    /// </summary>
    public static Meaning Compare(FigureRecord golden, FigureRecord now, IReadOnlyList<string> rendererDifferences)
    {
        var lines = new List<string>();
        Arguments(golden.Args, now.Args, lines);
        if (golden.Numbers is { } was && now.Numbers is { } is_) Numbers(was, is_, lines);
        // without numbers on both sides equal arguments prove nothing: no rendering change is claimed
        else if (lines.Count == 0) return Unknown("the golden's record has no numbers to compare");
        lines = lines.Distinct().ToList();
        if (lines.Count == 0)
        {
            string renderer = rendererDifferences.Count > 0 ? $" (renderer: {string.Join("; ", rendererDifferences.Take(4))})" : "";
            return new Meaning(MeaningKind.Rendering, [$"rendering change: same arguments and numbers{renderer}"]);
        }
        if (lines.Count > MaxLines) lines = [.. lines.Take(MaxLines - 1), $"{lines.Count - MaxLines + 1} more changes"];
        return new Meaning(MeaningKind.Changed, lines);
    }

    // ---- arguments ----

    private static void Arguments(IReadOnlyList<string> was, IReadOnlyList<string> now, List<string> lines)
    {
        if (was.Count == 0 || now.Count == 0) return;
        if (was[0] != now[0]) lines.Add($"command {Quote(was[0])} → {Quote(now[0])}");
        var before = Options(was);
        var after = Options(now);
        foreach (var (name, value) in before)
        {
            if (!after.TryGetValue(name, out var then)) lines.Add(value.Length == 0 ? $"{Label(name)} removed" : $"{Label(name)} {Quote(value)} removed");
            else if (then != value) lines.Add($"{Label(name)} {Quote(value)} → {Quote(then)}");
        }
        foreach (var (name, value) in after)
            if (!before.ContainsKey(name)) lines.Add(value.Length == 0 ? $"{Label(name)} added" : $"{Label(name)} {Quote(value)} added");
    }

    /// <summary>Each option with its values (a negative number is a value, not an option); a repeated option keeps all of them, in order.</summary>
    private static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string current = "";
        foreach (string word in args.Skip(1))
        {
            if (IsOption(word))
            {
                int eq = word.IndexOfAny(['=', ':']);
                current = eq > 0 ? word[..eq] : word;
                string value = eq > 0 ? word[(eq + 1)..] : "";
                options[current] = options.TryGetValue(current, out var old) ? Join(old, value) : value;
            }
            else options[current] = options.TryGetValue(current, out var old) ? Join(old, word) : word;
        }
        return options;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a} {b}";

    private static bool IsOption(string word) => word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]) && word[1] != '.';

    /// <summary>The option as a reader of the figure names it: λ and the title by what they are, the rest by its flag.</summary>
    private static string Label(string option) => option switch
    {
        "--lambda" => "λ",
        "--title" => "title",
        "" => "arguments",
        _ => option,
    };

    // ---- numbers ----

    private static void Numbers(JsonElement was, JsonElement now, List<string> lines)
    {
        // λ said once: from the arguments when they changed it (as typed), else from the sidecar (a --radius figure's λ moves with its data)
        if (!lines.Any(l => l.StartsWith("λ ", StringComparison.Ordinal)))
        {
            Number(was, now, "λ", lines, "optimum", "lambda");
            Number(was, now, "λ", lines, "lambda");
        }
        var wasW = Vector(was, "optimum", "weights") ?? Vector(was, "weights");
        var nowW = Vector(now, "optimum", "weights") ?? Vector(now, "weights");
        if (wasW is not null && nowW is not null)
        {
            if (!Same(wasW, nowW))
            {
                var (a, b) = Distinct(wasW, nowW);
                lines.Add($"w* {a} → {b}");
            }
            // exact zeros are exact: 1e-12 where 0 was is a change even within the numbers' promise
            var names = Strings(now, "features");
            string zerosWas = Zeros(wasW, names), zerosNow = Zeros(nowW, names);
            if (zerosWas != zerosNow) lines.Add($"exactly 0: {zerosWas} → {zerosNow}");
        }
        if (Range(was) is { } r0 && Range(now) is { } r1 && !Same(r0, r1))
        {
            var (a, b) = Distinct(r0, r1);
            static string Box(string tuple)
            {
                var v = tuple.Trim('(', ')').Split(", ");
                return $"x [{v[0]}, {v[1]}] y [{v[2]}, {v[3]}]";
            }
            lines.Add($"range {Box(a)} → {Box(b)}");
        }
        Words(was, now, "title", "title", lines);
        Words(was, now, "alt", "alt text", lines);
        // the caption repeats the alt text's numbers at length: said only when the alt text did not already say the change
        if (!lines.Any(l => l.StartsWith("alt text ", StringComparison.Ordinal))) Words(was, now, "caption", "caption", lines);
        int budget = 200_000;
        var others = new List<string>();
        Leaves(was, now, "", others, ref budget);
        if (others.Count > 0)
        {
            string names = string.Join(", ", others.Take(4).Select(n => ReportText.Printable(n, 60)));
            lines.Add($"other numbers changed: {names}{(others.Count > 4 ? $" and {others.Count - 4} more" : "")}");
        }
    }

    /// <summary>Keys said above by name; every other difference is named by its path.</summary>
    private static readonly HashSet<string> Named = ["lambda", "weights", "range", "title", "alt", "caption", "optimum.lambda", "optimum.weights"];

    /// <summary>Paths of the values (at most a few levels deep, counted once) that differ between the two trees.</summary>
    private static void Leaves(JsonElement a, JsonElement b, string path, List<string> differ, ref int budget)
    {
        if (--budget < 0 || Named.Contains(path)) return;
        if (a.ValueKind != b.ValueKind)
        {
            differ.Add(path.Length == 0 ? "the sidecar" : path);
            return;
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var bs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var p in b.EnumerateObject()) bs.TryAdd(p.Name, p.Value);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in a.EnumerateObject())
                {
                    if (!seen.Add(p.Name)) continue;
                    string child = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
                    if (Named.Contains(child)) continue;
                    if (bs.TryGetValue(p.Name, out var other)) Leaves(p.Value, other, child, differ, ref budget);
                    else differ.Add(child);
                }
                foreach (var name in bs.Keys)
                    if (!seen.Contains(name) && !Named.Contains(path.Length == 0 ? name : $"{path}.{name}")) differ.Add(path.Length == 0 ? name : $"{path}.{name}");
                break;
            case JsonValueKind.Array:
                // an array is one difference, named once: 300 path points that moved are one change to a reader
                if (!Same(a, b, ref budget)) differ.Add(path);
                break;
            default:
                if (!Same(a, b, ref budget)) differ.Add(path);
                break;
        }
    }

    /// <summary>Equal trees (numbers by value); a tree too large for the budget counts as equal past it: the work is bounded.</summary>
    private static bool Same(JsonElement a, JsonElement b, ref int budget)
    {
        if (--budget < 0) return true;
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return a.TryGetDouble(out double x) && b.TryGetDouble(out double y) ? Same(x, y) : a.GetRawText() == b.GetRawText();
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                using (var ea = a.EnumerateArray().GetEnumerator())
                using (var eb = b.EnumerateArray().GetEnumerator())
                    while (ea.MoveNext() && eb.MoveNext())
                        if (!Same(ea.Current, eb.Current, ref budget)) return false;
                return true;
            case JsonValueKind.Object:
                var bs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var p in b.EnumerateObject()) bs.TryAdd(p.Name, p.Value);
                int count = 0;
                foreach (var p in a.EnumerateObject())
                {
                    count++;
                    if (!bs.TryGetValue(p.Name, out var other) || !Same(p.Value, other, ref budget)) return false;
                }
                return count == b.EnumerateObject().Count();
            default:
                return true;
        }
    }

    /// <summary>
    /// Equal within the project's promise, 1e-9 relative (absolute below 1): the last bits of a certificate's 1e-16 or
    /// of w* on another CPU are no change in meaning, so a pure rendering change is still called one.
    /// </summary>
    internal static bool Same(double a, double b) => a.Equals(b) || Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static bool Same(double[] a, double[] b) => a.Length == b.Length && a.Zip(b).All(p => Same(p.First, p.Second));

    private static JsonElement? At(JsonElement e, params string[] keys)
    {
        foreach (string key in keys)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(key, out var next)) return null;
            e = next;
        }
        return e;
    }

    private static void Number(JsonElement was, JsonElement now, string label, List<string> lines, params string[] keys)
    {
        if (At(was, keys) is { ValueKind: JsonValueKind.Number } a && At(now, keys) is { ValueKind: JsonValueKind.Number } b && !Same(a.GetDouble(), b.GetDouble()))
        {
            var (x, y) = Distinct([a.GetDouble()], [b.GetDouble()]);
            lines.Add($"{label} {x.Trim('(', ')')} → {y.Trim('(', ')')}");
        }
    }

    private static double[]? Vector(JsonElement e, params string[] keys) =>
        At(e, keys) is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() <= 10_000 && a.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number)
            ? a.EnumerateArray().Select(v => v.GetDouble()).ToArray()
            : null;

    private static string[]? Strings(JsonElement e, string key) =>
        At(e, key) is { ValueKind: JsonValueKind.Array } a && a.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            ? a.EnumerateArray().Select(v => v.GetString()!).ToArray()
            : null;

    private static double[]? Range(JsonElement e) =>
        At(e, "range") is { ValueKind: JsonValueKind.Object } r
        && new[] { "x0", "x1", "y0", "y1" }.All(k => r.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.Number)
            ? new[] { "x0", "x1", "y0", "y1" }.Select(k => r.GetProperty(k).GetDouble()).ToArray()
            : null;

    private static void Words(JsonElement was, JsonElement now, string key, string label, List<string> lines)
    {
        if (At(was, key) is { ValueKind: JsonValueKind.String } a && At(now, key) is { ValueKind: JsonValueKind.String } b && a.GetString() != b.GetString())
        {
            var (x, y) = Window(a.GetString()!, b.GetString()!);
            lines.Add($"{label} {Quote(x)} → {Quote(y)}");
        }
    }

    /// <summary>
    /// The part of two texts that differs, from the word where they part to the word where they meet again, "…" for
    /// what is the same: an alt text that differs in one number shows that number, not two sentences.
    /// </summary>
    internal static (string, string) Window(string a, string b)
    {
        int p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) p++;
        int s = 0;
        while (s < a.Length - p && s < b.Length - p && a[^(s + 1)] == b[^(s + 1)]) s++;
        while (p > 0 && a[p - 1] != ' ') p--;
        while (s > 0 && a[^s] != ' ') s--;
        string Middle(string t) => (p > 0 ? "…" : "") + t[p..(t.Length - s)] + (s > 0 ? "…" : "");
        string Cut(string t) => t.Length <= 80 ? t : t[..79] + "…";
        return (Cut(Middle(a)), Cut(Middle(b)));
    }

    /// <summary>Which weights are exactly 0, by feature name when the sidecar has them (w1, w2, … otherwise).</summary>
    private static string Zeros(double[] w, string[]? names)
    {
        var zeros = w.Select((v, i) => (v, i)).Where(p => p.v == 0).Select(p => names is not null && p.i < names.Length ? ReportText.Printable(names[p.i], 40) : $"w{p.i + 1}").ToList();
        return zeros.Count == 0 ? "none" : zeros.Count > 8 ? $"{string.Join(", ", zeros.Take(8))} and {zeros.Count - 8} more" : string.Join(", ", zeros);
    }

    /// <summary>
    /// Two vectors written with as few significant digits as tell them apart (4 at least, as the figure labels them; up
    /// to round-trip): a change in the seventh digit is not shown as the same numbers twice.
    /// </summary>
    internal static (string, string) Distinct(double[] a, double[] b)
    {
        for (int digits = 4; digits <= 17; digits++)
        {
            string x = Tuple(a, digits), y = Tuple(b, digits);
            if (x != y || digits == 17) return (x, y);
        }
        throw new InvalidOperationException("unreachable");
    }

    private static string Tuple(double[] v, int digits)
    {
        string Format(double d) => digits == 17 ? RegularisationForm.RoundTrip(d) : RegularisationForm.RoundTrip(double.Parse(d.ToString($"G{digits}", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        string body = v.Length > 12 ? string.Join(", ", v.Take(12).Select(Format)) + $", … ({v.Length} values)" : string.Join(", ", v.Select(Format));
        return $"({body})";
    }

    /// <summary>Text from a manifest or a golden, quoted and cut, every hidden character made visible.</summary>
    private static string Quote(string text)
    {
        string shown = ReportText.Printable(text, MaxQuote);
        return shown.Length > 0 && shown.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '+' or '_' or '/' or ',') ? shown : $"'{shown}'";
    }
}
