using System.Globalization;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Plotting;
using ScottPlot;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Regviz.Cli.Options;

/// <summary>
/// A house style in YAML (<c>--style FILE.yaml</c>), read into a <see cref="Theme"/>: a built-in style to start from,
/// then the colours of every element, line widths and dashes, font sizes and a font file, the grid. A manifest may
/// name the file, so it is hostile input: its size is capped, its nesting checked before the tree is built, every
/// key it does not know refused by name, and every error names its line and column. docs/styles.md has the keys.
/// </summary>
internal static class StyleFile
{
    private const string Flag = "--style";

    // each section's keys and what they set; a key not listed is refused with the list
    private static readonly Dictionary<string, Func<Theme, Color, Theme>> ColorKeys = new()
    {
        ["background"] = (t, c) => t with { Background = c },
        ["text"] = (t, c) => t with { Foreground = c },
        ["muted"] = (t, c) => t with { Muted = c },
        ["axis_lines"] = (t, c) => t with { AxisLine = c },
        ["loss"] = (t, c) => t with { Loss = c },
        ["penalty"] = (t, c) => t with { Norm = c },
        ["optimum"] = (t, c) => t with { Optimum = c },
        ["path"] = (t, c) => t with { Path = c },
        ["trace"] = (t, c) => t with { Trace = c },
        ["label_background"] = (t, c) => t with { LabelBackground = c },
        ["grid"] = (t, c) => t with { Grid = c },
    };

    private static readonly Dictionary<string, Func<LineWidths, float, LineWidths>> WidthKeys = new()
    {
        ["loss"] = (w, v) => w with { Loss = v },
        ["penalty"] = (w, v) => w with { Penalty = v },
        ["level_set"] = (w, v) => w with { LevelSet = v },
        ["path"] = (w, v) => w with { Path = v },
        ["trace"] = (w, v) => w with { Trace = v },
        ["axis_lines"] = (w, v) => w with { AxisLines = v },
        ["curves"] = (w, v) => w with { Curves = v },
        ["ball"] = (w, v) => w with { Ball = v },
    };

    private static readonly Dictionary<string, Func<LineDashes, LinePattern, LineDashes>> DashKeys = new()
    {
        ["loss"] = (d, p) => d with { Loss = p },
        ["penalty"] = (d, p) => d with { Penalty = p },
        ["path"] = (d, p) => d with { Path = p },
        ["trace"] = (d, p) => d with { Trace = p },
    };

    private static readonly Dictionary<string, Func<FontSizes, float, FontSizes>> SizeKeys = new()
    {
        ["title"] = (f, v) => f with { Title = v },
        ["axis_labels"] = (f, v) => f with { AxisLabels = v },
        ["ticks"] = (f, v) => f with { Ticks = v },
        ["legend"] = (f, v) => f with { Legend = v },
        ["labels"] = (f, v) => f with { Labels = v },
    };

    private static readonly string[] TopKeys = ["base", "colors", "lines", "dashes", "fonts", "grid"];
    private const float MaxWidth = 20, MinFont = 4, MaxFont = 72;
    private const int MaxSeries = 64;

    /// <summary>The style in the file at <paramref name="path"/>; a font file it names is read relative to its folder, within <paramref name="reads"/>.</summary>
    public static Theme Load(string path, ReadConfinement reads)
    {
        // a manifest's style must be a regular file inside its folder: a FIFO behind a committed symlink would block the batch
        reads.Check(path, Flag);
        string text = BoundedInput.ReadText(path, $"{Flag}: file", ToolLimits.StyleBytes, Limits.LineBytes);
        return Parse(text, new Source(path, reads), Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// The file being read, as every message names it (its path), with what it may read and quote: a style named by a
    /// manifest names font files, and its keys and values are not quoted into public CI logs.
    /// </summary>
    private readonly record struct Source(string Path, ReadConfinement Reads)
    {
        public override string ToString() => Path;

        /// <summary>An excerpt of what the file says, or nothing of it while reads are confined.</summary>
        public string Content(ReadOnlySpan<char> text) => Excerpt.Content(text, Reads.Quote);
    }

    /// <summary>The style written in <paramref name="text"/> (<paramref name="source"/> names it in errors); font files are found from <paramref name="folder"/>.</summary>
    private static Theme Parse(string text, Source source, string folder)
    {
        var root = Tree(text, source);
        var theme = Theme.Light;
        var given = new HashSet<string>();
        // base first, wherever it is written: every other key changes what it starts from
        if (root.Children.FirstOrDefault(p => Key(p.Key, source) == "base") is { Key: not null } b)
            theme = Theme.Find(Scalar(b.Value, source, "base")) is { } found ? found
                : throw At(source, b.Value, $"base: unknown style '{source.Content(Scalar(b.Value, source, "base"))}' (valid: {string.Join(", ", Theme.Names)})");
        foreach (var (keyNode, value) in root.Children)
        {
            string key = Key(keyNode, source);
            given.Add(key);
            theme = key switch
            {
                "base" => theme,
                "colors" => Colors(theme, Mapping(value, source, key), source),
                "lines" => theme with { Lines = Section(Mapping(value, source, key), source, key, WidthKeys, theme.Lines, (n, name) => Number(n, source, name, 0.1f, MaxWidth)) },
                "dashes" => Dashes(theme, Mapping(value, source, key), source),
                "fonts" => Fonts(theme, Mapping(value, source, key), source, folder),
                "grid" => theme with { ShowGrid = Bool(value, source, key) },
                _ => throw At(source, keyNode, $"unknown key '{source.Content(key)}' (valid: {string.Join(", ", TopKeys)})"),
            };
        }
        return theme with { Name = System.IO.Path.GetFileNameWithoutExtension(source.Path) };
    }

    /// <summary>
    /// The YAML tree, after a pass of the event parser (which does not recurse) has refused deep nesting and
    /// aliases: building the tree recurses once per level, and an alias is how a small file becomes a large tree.
    /// </summary>
    private static YamlMappingNode Tree(string text, Source source)
    {
        Mark last = Mark.Empty;
        var stream = new YamlStream();
        try
        {
            var parser = new Parser(new StringReader(text));
            int depth = 0;
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.End;
                if (e is AnchorAlias)
                    throw new InputException($"{Flag}: '{source}' line {e.Start.Line}, column {e.Start.Column}: aliases (*name) are not allowed in a style");
                if (e is MappingStart or SequenceStart && ++depth > 8)
                    throw new InputException($"{Flag}: '{source}' line {e.Start.Line}, column {e.Start.Column}: nested deeper than a style ever is");
                if (e is MappingEnd or SequenceEnd) depth--;
            }
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            string message = e.InnerException is { } inner && e.Message.Contains("See inner") ? inner.Message : e.Message;
            throw new InputException($"{Flag}: '{source}' line {e.Start.Line}, column {e.Start.Column}: {message}");
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            // YamlDotNet throws other exceptions on some malformed input (see Manifest): still bad YAML
            throw new InputException($"{Flag}: '{source}' line {last.Line}, column {last.Column}: not valid YAML after this point ({e.Message})");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException($"{Flag}: '{source}': expected a mapping of {string.Join(", ", TopKeys)}");
        return root;
    }

    private static Theme Colors(Theme theme, YamlMappingNode map, Source source)
    {
        bool labelBackground = false;
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Key(keyNode, source);
            if (key == "series")
            {
                var items = Sequence(value, source, "colors.series", MaxSeries);
                theme = theme with { Series = items.Select(n => Colour(n, source, "colors.series")).ToArray() };
                continue;
            }
            if (!ColorKeys.TryGetValue(key, out var set))
                throw At(source, keyNode, $"unknown key '{source.Content(key)}' in 'colors' (valid: {string.Join(", ", ColorKeys.Keys.Append("series"))})");
            theme = set(theme, Colour(value, source, $"colors.{key}"));
            labelBackground |= key == "label_background";
        }
        // labels sit on a box of the background's colour unless the style says otherwise
        return labelBackground ? theme : theme with { LabelBackground = theme.Background.WithAlpha(0.88) };
    }

    private static Theme Dashes(Theme theme, YamlMappingNode map, Source source)
    {
        var dashes = theme.Dashes;
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Key(keyNode, source);
            if (key == "series")
            {
                var items = Sequence(value, source, "dashes.series", MaxSeries);
                dashes = dashes with { Series = items.Select(n => Dash(n, source, "dashes.series")).ToArray() };
            }
            else if (DashKeys.TryGetValue(key, out var set)) dashes = set(dashes, Dash(value, source, $"dashes.{key}"));
            else throw At(source, keyNode, $"unknown key '{source.Content(key)}' in 'dashes' (valid: {string.Join(", ", DashKeys.Keys.Append("series"))})");
        }
        return theme with { Dashes = dashes };
    }

    private static Theme Fonts(Theme theme, YamlMappingNode map, Source source, string folder)
    {
        var sizes = theme.Fonts;
        YamlNode? file = null, bold = null;
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Key(keyNode, source);
            if (key == "file") file = value;
            else if (key == "bold_file") bold = value;
            else if (SizeKeys.TryGetValue(key, out var set)) sizes = set(sizes, Number(value, source, $"fonts.{key}", MinFont, MaxFont));
            else throw At(source, keyNode, $"unknown key '{source.Content(key)}' in 'fonts' (valid: file, bold_file, {string.Join(", ", SizeKeys.Keys)})");
        }
        theme = theme with { Fonts = sizes };
        if (file is null)
            return bold is null ? theme : throw At(source, bold, "fonts.bold_file needs fonts.file (the regular face)");
        byte[] regular = FontBytes(file, source, folder, "fonts.file");
        byte[]? boldBytes = bold is null ? null : FontBytes(bold, source, folder, "fonts.bold_file");
        try
        {
            return theme with { FontFamily = FontRegistry.AddFont(regular, boldBytes) };
        }
        catch (ArgumentException e)
        {
            throw At(source, e.ParamName == "bold" ? bold! : file, $"{(e.ParamName == "bold" ? "fonts.bold_file" : "fonts.file")}: {e.Message}");
        }
    }

    /// <summary>A font file, relative to the style's folder; capped in size and checked to start like a TrueType or OpenType font before Skia parses it.</summary>
    private static byte[] FontBytes(YamlNode node, Source source, string folder, string key)
    {
        string name = Scalar(node, source, key);
        if (name.Length == 0) throw At(source, node, $"{key}: no file named");
        string path = Path.Combine(folder, name);
        source.Reads.Check(path, $"{Flag}: '{source}' {key}");
        return BoundedInput.ReadBytes(path, $"{Flag}: '{source}' {key}", ToolLimits.FontBytes, 0, header =>
        {
            string tag = header.Length >= 4 ? System.Text.Encoding.Latin1.GetString(header[..4]) : "";
            bool font = tag is "\0\u0001\0\0" or "OTTO" or "true" or "ttcf";
            if (!font) throw At(source, node, $"{key}: '{name}' is not a TrueType or OpenType font file");
        });
    }

    private static T Section<T>(YamlMappingNode map, Source source, string section, Dictionary<string, Func<T, float, T>> keys, T start, Func<YamlNode, string, float> read)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Key(keyNode, source);
            if (!keys.TryGetValue(key, out var set))
                throw At(source, keyNode, $"unknown key '{source.Content(key)}' in '{section}' (valid: {string.Join(", ", keys.Keys)})");
            start = set(start, read(value, $"{section}.{key}"));
        }
        return start;
    }

    /// <summary>#RGB, #RRGGBB or #RRGGBBAA.</summary>
    private static Color Colour(YamlNode node, Source source, string key)
    {
        string text = Scalar(node, source, key).Trim();
        if (text.Length == 0)
            throw At(source, node, $"{key}: no colour (in YAML '#' starts a comment: quote it, \"#1f5fad\")");
        string hex = text.StartsWith('#') ? text[1..] : "";
        if (hex.Length == 3) hex = string.Concat(hex.Select(c => $"{c}{c}"));
        if (hex.Length is not (6 or 8) || !hex.All(char.IsAsciiHexDigit))
            throw At(source, node, $"{key}: '{source.Content(text)}' is not a colour (write \"#RRGGBB\", \"#RGB\" or \"#RRGGBBAA\")");
        byte Part(int i) => byte.Parse(hex.AsSpan(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Color(Part(0), Part(1), Part(2), hex.Length == 8 ? Part(3) : (byte)255);
    }

    private static LinePattern Dash(YamlNode node, Source source, string key)
    {
        string text = Scalar(node, source, key).Trim().ToLowerInvariant();
        return LineDashes.Named.TryGetValue(text, out var p) ? p
            : throw At(source, node, $"{key}: unknown dash '{source.Content(text)}' (valid: {string.Join(", ", LineDashes.Named.Keys)})");
    }

    private static float Number(YamlNode node, Source source, string key, float min, float max)
    {
        string text = Scalar(node, source, key);
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
            throw At(source, node, $"{key}: '{source.Content(text)}' is not a number");
        if (v < min || v > max)
            throw At(source, node, $"{key}: {text} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        return v;
    }

    private static bool Bool(YamlNode node, Source source, string key) => Scalar(node, source, key).Trim() switch
    {
        "true" => true,
        "false" => false,
        var other => throw At(source, node, $"{key}: '{source.Content(other)}' is not true or false"),
    };

    private static YamlMappingNode Mapping(YamlNode node, Source source, string key) =>
        node as YamlMappingNode ?? throw At(source, node, $"'{key}' must be a mapping of keys to values");

    private static IReadOnlyList<YamlNode> Sequence(YamlNode node, Source source, string key, int most)
    {
        var list = node as YamlSequenceNode ?? throw At(source, node, $"'{key}' must be a list, e.g. [\"#0072b2\", \"#d55e00\"]");
        if (list.Children.Count is 0 || list.Children.Count > most)
            throw At(source, node, $"'{key}' must have 1 to {most} entries, not {list.Children.Count}");
        return list.Children.ToList();
    }

    private static string Key(YamlNode node, Source source) =>
        node is YamlScalarNode { Value: { } v } ? v : throw At(source, node, "a key must be a plain string");

    private static string Scalar(YamlNode node, Source source, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw At(source, node, $"'{key}' must be a single value, not a list or mapping");

    private static InputException At(Source source, YamlNode node, string message) =>
        new($"{Flag}: '{source}' line {node.Start.Line}, column {node.Start.Column}: {message}");
}
