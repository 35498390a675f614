using Regviz.Core;
using Regviz.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Regviz.Cli.Batch;

/// <summary>
/// One figure of a manifest: where it goes, the words that follow <c>regviz</c> for it, and, for <c>--check</c>, its
/// own tolerance when the manifest gives one (a figure with fine hatching may need more than the rest).
/// </summary>
internal sealed record ManifestFigure(string Out, string Args, int Line, double? Tolerance = null);

/// <summary>A batch manifest: optional default words and the figures.</summary>
internal sealed record Manifest(string Defaults, IReadOnlyList<ManifestFigure> Figures)
{
    private static readonly string[] TopKeys = ["defaults", "figures"];
    private static readonly string[] FigureKeys = ["out", "args", "tolerance"];

    /// <summary>Reads YAML (JSON is YAML too), size and line length capped; every structural error names its line and column.</summary>
    public static Manifest Load(string path) =>
        Parse(BoundedInput.ReadText(path, "manifest", ToolLimits.ManifestBytes, Limits.LineBytes), path);

    public static Manifest Parse(string text, string source)
    {
        var stream = new YamlStream();
        Mark last = Mark.Empty;
        try
        {
            CheckDepth(text, source, ref last);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException($"manifest '{source}' line {e.Start.Line}, column {e.Start.Column}: {Inner(e).Message}");
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            // on some malformed input YamlDotNet throws other exceptions (InvalidOperationException from its scanner,
            // ArgumentException from the tree builder) instead of a YamlException: found by fuzzing; still bad YAML
            throw new InputException($"manifest '{source}' line {last.Line}, column {last.Column}: not valid YAML after this point ({e.Message})");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException($"manifest '{source}': expected a mapping with 'figures' (and optionally 'defaults')");

        string defaults = "";
        YamlSequenceNode? figures = null;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = Key(keyNode, source);
            switch (key)
            {
                case "defaults": defaults = Scalar(value, source, "defaults"); break;
                case "figures":
                    figures = value as YamlSequenceNode ?? throw At(source, value, "'figures' must be a list");
                    break;
                default:
                    throw At(source, keyNode, $"unknown key '{key}' (valid: {string.Join(", ", TopKeys)})");
            }
        }
        if (figures is null) throw new InputException($"manifest '{source}': no 'figures' list");
        if (figures.Children.Count > ToolLimits.Figures)
            throw At(source, figures, $"{figures.Children.Count} figures; at most {ToolLimits.Figures} are run from one manifest");

        var list = new List<ManifestFigure>();
        foreach (var item in figures.Children)
        {
            if (item is not YamlMappingNode map) throw At(source, item, "each figure must be a mapping with 'out' and 'args'");
            string? outName = null, args = null;
            double? tolerance = null;
            foreach (var (keyNode, value) in map.Children)
            {
                string key = Key(keyNode, source);
                switch (key)
                {
                    case "out": outName = Scalar(value, source, "out"); break;
                    case "args": args = Scalar(value, source, "args"); break;
                    case "tolerance": tolerance = Tolerance(value, source); break;
                    default: throw At(source, keyNode, $"unknown key '{key}' in a figure (valid: {string.Join(", ", FigureKeys)})");
                }
            }
            if (outName is null) throw At(source, item, "figure has no 'out'");
            if (args is null) throw At(source, item, $"figure '{Excerpt.Of(outName)}' has no 'args'");
            list.Add(new ManifestFigure(outName, args, (int)item.Start.Line, tolerance));
        }
        return new Manifest(defaults, list);
    }

    /// <summary>
    /// Refuses nesting deeper than <see cref="ToolLimits.YamlDepth"/>, aliases and more than <see cref="ToolLimits.Figures"/>
    /// figures before the tree is built: building it recurses once per level, and 50,000 levels (a few hundred kilobytes
    /// of brackets) overflow the stack, which no handler catches. The event parser used here does not recurse.
    /// </summary>
    private static void CheckDepth(string text, string source, ref Mark last)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0, entries = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            last = e.End;
            string at = $"manifest '{source}' line {e.Start.Line}, column {e.Start.Column}";
            // an alias repeats its anchor's text wherever it is used: a 1 MB name used 60 times made every progress line
            // and report field megabytes long (a style file refuses them the same way)
            if (e is AnchorAlias)
                throw new InputException($"{at}: YAML aliases (*name) are not allowed in a manifest; write the value out");
            // the entries of the figures list, counted before the tree is built: 3 million empty ones took 847 MB
            if (depth == 2 && e is MappingStart or SequenceStart or YamlDotNet.Core.Events.Scalar && ++entries > ToolLimits.Figures)
                throw new InputException($"{at}: more than {ToolLimits.Figures} figures; at most that many are run from one manifest");
            if (e is MappingStart or SequenceStart && ++depth > ToolLimits.YamlDepth)
                throw new InputException($"{at}: nested deeper than {ToolLimits.YamlDepth} levels");
            if (e is MappingEnd or SequenceEnd) depth--;
        }
    }

    private static string Key(YamlNode node, string source) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw At(source, node, "a key must be a plain string, not a list or mapping");

    private static string Scalar(YamlNode node, string source, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw At(source, node, $"'{key}' must be a string");

    /// <summary>The same rule as --tolerance: a finite number ≥ 0, read in the invariant culture.</summary>
    private static double Tolerance(YamlNode node, string source)
    {
        string text = Scalar(node, source, "tolerance");
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double t) || !double.IsFinite(t))
            throw At(source, node, $"'tolerance' must be a number, not '{Excerpt.Of(text)}'");
        if (t < 0) throw At(source, node, $"'tolerance' {RegularisationForm.RoundTrip(t)} must be ≥ 0");
        return t;
    }

    private static InputException At(string source, YamlNode node, string message) =>
        new($"manifest '{source}' line {node.Start.Line}, column {node.Start.Column}: {message}");

    private static Exception Inner(Exception e) => e.InnerException is { } inner && e.Message.Contains("See inner") ? inner : e;
}
