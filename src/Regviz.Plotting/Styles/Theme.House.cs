using ScottPlot;

namespace Regviz.Plotting;

public sealed partial record Theme
{
    private readonly Color? _trace, _grid;

    /// <summary>An optimiser's iterates (--trace); the foreground colour unless a style says otherwise.</summary>
    public Color Trace { get => _trace ?? Foreground; init => _trace = value; }

    /// <summary>The grid's lines; a faint foreground unless a style says otherwise.</summary>
    public Color Grid { get => _grid ?? Foreground.WithAlpha(0.07); init => _grid = value; }

    /// <summary>Whether the grid is drawn at all.</summary>
    public bool ShowGrid { get; init; } = true;

    /// <summary>One colour per coefficient of the path figure, used in turn (with <see cref="LineDashes.Series"/>).</summary>
    public IReadOnlyList<Color> Series { get; init; } = new ScottPlot.Palettes.Category10().Colors;

    /// <summary>Line widths, in pixels of an 800-pixel figure (they scale with it as text does).</summary>
    public LineWidths Lines { get; init; } = new();

    /// <summary>Which lines are solid, dashed or dotted.</summary>
    public LineDashes Dashes { get; init; } = new();

    /// <summary>Font sizes, in pixels of an 800-pixel figure.</summary>
    public FontSizes Fonts { get; init; } = new();

    /// <summary>The font family of every text (the shipped DejaVu Sans, or one registered with <see cref="FontRegistry.AddFont"/>).</summary>
    public string FontFamily { get; init; } = FontRegistry.Family;

    /// <summary>The built-in style called <paramref name="name"/>, or null.</summary>
    public static Theme? Find(string name) => BuiltIn.FirstOrDefault(t => t.Name == name);

    /// <summary>Every built-in style: light and dark, then colorblind (the Okabe–Ito palette) and print (greyscale).</summary>
    public static IReadOnlyList<Theme> BuiltIn => [Light, Dark, Colorblind, Print];

    /// <summary>
    /// Light, with the Okabe–Ito palette (Okabe and Ito 2002, "Color Universal Design"): loss vermillion, penalty
    /// blue, path bluish green, trace reddish purple, told apart with every common colour-vision deficiency
    /// (docs/styles.md has the check). The yellow of the palette is left out: it cannot be seen on white.
    /// </summary>
    public static Theme Colorblind => ColorblindStyle.Value;

    // built on first use: static fields of a partial type initialise in no defined order across its files, and this one needs Light
    private static readonly Lazy<Theme> ColorblindStyle = new(() => Light! with
    {
        Name = "colorblind",
        Loss = Color.FromHex("#D55E00"),
        Norm = Color.FromHex("#0072B2"),
        Optimum = Color.FromHex("#000000"),
        Path = Color.FromHex("#009E73"),
        Trace = Color.FromHex("#CC79A7"),
        Series = new[] { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000" }.Select(h => Color.FromHex(h)).ToArray(),
        Dashes = new LineDashes { Series = [LinePattern.Solid, LinePattern.Dashed] },
    });

    /// <summary>
    /// Greyscale for print and photocopies: lines told apart by their dash, not their colour: loss dashed black,
    /// penalty solid grey, the path dotted, coefficient lines in two greys and five dashes. The penalty is the solid
    /// one because its level sets have corners (the L1 diamond's on the axes are where sparsity happens) and a dash
    /// pattern may put a gap on any of them; a smooth loss contour loses nothing to its gaps.
    /// </summary>
    public static Theme Print => PrintStyle.Value;

    private static readonly Lazy<Theme> PrintStyle = new(() => new Theme("print",
        Colors.White, Color.FromHex("#000000"), Color.FromHex("#555555"), Color.FromHex("#8C8C8C"),
        Color.FromHex("#000000"), Color.FromHex("#555555"), Color.FromHex("#000000"), Color.FromHex("#000000"),
        Colors.White.WithAlpha(0.88))
    {
        // black, not a dark grey: beside the solid grey ball a #333 trace differed by ΔE 15 only, and by no dash
        Trace = Color.FromHex("#000000"),
        Series = [Color.FromHex("#000000"), Color.FromHex("#666666")],
        Dashes = new LineDashes
        {
            Loss = LinePattern.Dashed,
            Penalty = LinePattern.Solid,
            Path = LinePattern.Dotted,
            Series = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed, LineDashes.DashDot],
        },
    });
}
