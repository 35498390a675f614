using Regviz.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Regviz.Cli.Batch;

/// <summary>One figure of a manifest: where it goes and the words that follow <c>regviz</c> for it.</summary>
internal sealed record ManifestFigure(string Out, string Args, int Line);

/// <summary>A batch manifest: optional default words and the figures.</summary>
internal sealed record Manifest(string Defaults, IReadOnlyList<ManifestFigure> Figures)
{
    private static readonly string[] TopKeys = ["defaults", "figures"];
    private static readonly string[] FigureKeys = ["out", "args"];

    /// <summary>Reads YAML (JSON is YAML too); every structural error names its line and column.</summary>
    public static Manifest Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"manifest '{path}' does not exist");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"manifest '{path}' cannot be read: {e.Message}");
        }
        return Parse(text, path);
    }

    public static Manifest Parse(string text, string source)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new InputException($"manifest '{source}' line {e.Start.Line}, column {e.Start.Column}: {Inner(e).Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException($"manifest '{source}': expected a mapping with 'figures' (and optionally 'defaults')");

        string defaults = "";
        YamlSequenceNode? figures = null;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
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

        var list = new List<ManifestFigure>();
        foreach (var item in figures.Children)
        {
            if (item is not YamlMappingNode map) throw At(source, item, "each figure must be a mapping with 'out' and 'args'");
            string? outName = null, args = null;
            foreach (var (keyNode, value) in map.Children)
            {
                string key = ((YamlScalarNode)keyNode).Value ?? "";
                switch (key)
                {
                    case "out": outName = Scalar(value, source, "out"); break;
                    case "args": args = Scalar(value, source, "args"); break;
                    default: throw At(source, keyNode, $"unknown key '{key}' in a figure (valid: {string.Join(", ", FigureKeys)})");
                }
            }
            if (outName is null) throw At(source, item, "figure has no 'out'");
            if (args is null) throw At(source, item, $"figure '{outName}' has no 'args'");
            list.Add(new ManifestFigure(outName, args, (int)item.Start.Line));
        }
        return new Manifest(defaults, list);
    }

    private static string Scalar(YamlNode node, string source, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw At(source, node, $"'{key}' must be a string");

    private static InputException At(string source, YamlNode node, string message) =>
        new($"manifest '{source}' line {node.Start.Line}, column {node.Start.Column}: {message}");

    private static Exception Inner(Exception e) => e.InnerException is { } inner && e.Message.Contains("See inner") ? inner : e;
}
