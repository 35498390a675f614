using System.CommandLine;
using System.Text.RegularExpressions;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Plotting;

namespace Regviz.Cli.Options;

/// <summary>What every figure command accepts: output, size, theme, title, sidecar. A figure in the plane adds <see cref="PlaneOptions"/>.</summary>
internal sealed partial class FigureOptions
{
    public const int MaxSide = 10000, MinSide = 100;

    public readonly Option<string?> Out = new("--out", "-o") { Description = "Output file, .png, .svg or .pdf (vector, fonts embedded) (default: a descriptive name in the current directory)", HelpName = "FILE" };
    public readonly Option<string> Size = new("--size") { Description = $"Image size, WxH or N for NxN: pixels (each {MinSide}..{MaxSide}), or physical with units in, cm, mm or pt (3.3inx3.3in) at --dpi", DefaultValueFactory = _ => "800x800", HelpName = "WxH" };
    public readonly Option<string> Theme = new("--theme") { Description = "Built-in style (the older spelling of --style NAME)", DefaultValueFactory = _ => "light", HelpName = string.Join("|", Plotting.Theme.Names) };
    public readonly Option<string?> Style = new("--style") { Description = $"House style: a built-in one ({string.Join(", ", Plotting.Theme.Names)}) or a YAML file of colours, line widths and dashes, font sizes, a font file and grid (docs/styles.md)", HelpName = "NAME|FILE.yaml" };
    public readonly Option<string?> Title = new("--title") { Description = "Figure title (default: the penalty and λ)", HelpName = "TEXT" };
    public readonly Option<string?> Json = new("--json") { Description = "Sidecar JSON with the numbers behind the figure ('-': stdout)", HelpName = "FILE" };
    public readonly Option<double?> Dpi = PrintSize.DpiOption();
    public readonly Option<double?> FontSize = PrintSize.FontSizeOption();
    public readonly Option<bool> Alt = new("--alt") { Description = "Also print the figure's alt text (one sentence with its key numbers; the image carries it too) on stdout, after the file's path" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Out, Size, Dpi, FontSize, Theme, Style, Title, Json, Alt }) command.Options.Add(option);
    }

    /// <summary>The validated options; every check here runs before any computation.</summary>
    /// <param name="Run">The run's services: where files go, where warnings go, who hears of the figure.</param>
    public sealed record Values(RunContext Run, string? Out, FigureStyle Style, string? Json, bool Alt = false)
    {
        /// <summary>The figure's file: --out, or else the descriptive default name, checked the same way before any drawing.</summary>
        public string OutOr(string defaultName) => Out ?? Run.Outputs.Prepare(defaultName, "--out");

        /// <summary>What stdout says once the figure is written: its path (unless the sidecar went there), then the alt text if asked.</summary>
        public void Announce(TextWriter stdout, string output, FigureDescription description)
        {
            if (Json != "-") stdout.WriteLine(output);
            if (Alt) stdout.WriteLine(description.Alt);
            Run.Described?.Invoke(description);
        }

        /// <summary>One warning for each text the figure's font cannot draw (the title, data column names), saying which font of this machine draws it, or that nothing does.</summary>
        public void WarnAboutGlyphs(IEnumerable<string>? columns = null)
        {
            if (Style.Title is { } title) GlyphWarnings.Warn(Run.Warnings, "--title", title, Style.Theme.FontFamily, Run.Reads.Quote);
            foreach (string column in columns ?? []) GlyphWarnings.Warn(Run.Warnings, $"column '{Excerpt.Content(column, Run.Reads.Quote)}'", column, Style.Theme.FontFamily, Run.Reads.Quote);
        }
    }

    public Values Bind(ParseResult r)
    {
        string sizeText = r.GetValue(Size) ?? "800x800"; // a command may take away the shown default
        double? dpi = r.GetValue(Dpi) is { } d ? PrintSize.CheckDpi(d) : null;
        var physical = PrintSize.Pixels(sizeText, dpi ?? PrintSize.DefaultDpi);
        var (width, height) = physical ?? ParseSize(sizeText);
        if (physical is not null) dpi ??= PrintSize.DefaultDpi;
        var theme = BindStyle(r);
        var run = RunContext.Of(r);
        // every destination is checked before any work: a run that cannot write its sidecar must not have replaced the figure
        string? output = r.GetValue(Out) is { } o ? run.Outputs.Prepare(o, "--out") : null;
        if (output is not null) FigureExport.FormatOf(output, "--out");
        string? json = r.GetValue(Json) is { } j ? run.Outputs.Prepare(j, "--json") : null;
        if (output is not null) OutputTargets.Distinct(output, "--out", json, "--json");
        bool alt = r.GetValue(Alt);
        if (alt && json == "-")
            throw new InputException("--alt: stdout carries the sidecar (--json -), whose 'alt' key has the text");
        var style = new FigureStyle(width, height, theme, CheckTitle(r.GetValue(Title))) { Dpi = dpi };
        if (r.GetValue(FontSize) is { } points) style = PrintSize.WithFontSize(style, points);
        if (style.TitleLines > style.MaxTitleLines)
            throw new InputException($"--title: wrapped to the figure's width it takes {style.TitleLines} lines, and at most {style.MaxTitleLines} fit at {width}x{height} (a quarter of the height): shorten it or give a larger --size");
        return new Values(run, output, style, json, alt);
    }

    /// <summary>The longest title, in characters as a reader counts them: a longer text is a caption, which --alt and the sidecar give.</summary>
    public const int MaxTitle = 300;

    /// <summary>A title wraps to the figure's width; past <see cref="MaxTitle"/> characters, or with control characters other than a line break, it is refused.</summary>
    private static string? CheckTitle(string? title)
    {
        if (title is null) return null;
        int length = new System.Globalization.StringInfo(title).LengthInTextElements;
        if (length > MaxTitle)
            throw new InputException($"--title: {length} characters; at most {MaxTitle} (a title wraps to the figure's width; a longer text is a caption, as --alt and the sidecar's 'caption' give)");
        if (title.FirstOrDefault(c => char.IsControl(c) && c is not '\n' and not '\r') is var bad && bad != default)
            throw new InputException($"--title: has the control character U+{(int)bad:X4} (only line breaks are allowed)");
        return title;
    }

    /// <summary>--style NAME or FILE, or --theme NAME; both at once is refused, as they set the same thing.</summary>
    private Plotting.Theme BindStyle(ParseResult r)
    {
        if (r.GetValue(Style) is not { } style) return Words.Theme(r.GetValue(Theme)!);
        if (r.GetResult(Theme) is { Implicit: false })
            throw new InputException("--theme and --style both set the style: give one (a style file starts from another with 'base: dark')");
        if (Plotting.Theme.Find(style.Trim().ToLowerInvariant()) is { } builtIn) return builtIn;
        if (!File.Exists(style) && !style.Contains('.') && !style.Contains('/'))
            throw new InputException($"--style: '{Excerpt.Of(style)}' is neither a built-in style ({string.Join(", ", Plotting.Theme.Names)}) nor a file"
                + (Errors.Suggestions.Nearest(style, Plotting.Theme.Names) is { } near ? $" (did you mean '{near}'?)" : ""));
        return StyleFile.Load(style, RunContext.Of(r).Reads);
    }

    /// <summary>WxH, or one number N for a square NxN.</summary>
    [GeneratedRegex(@"^\s*(\d{1,6})\s*(?:[xX×]\s*(\d{1,6})\s*)?$")]
    private static partial Regex SizePattern();

    internal static (int, int) ParseSize(string text)
    {
        var m = SizePattern().Match(text);
        if (!m.Success)
            throw new InputException($"--size: '{text}' is not of the form WxH or N (e.g. 800x600, or 400 for 400x400)");
        int w = int.Parse(m.Groups[1].Value), h = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : w;
        if (w < MinSide || h < MinSide || w > MaxSide || h > MaxSide)
            throw new InputException($"--size: {w}x{h} is outside {MinSide}x{MinSide}..{MaxSide}x{MaxSide}");
        return (w, h);
    }
}
