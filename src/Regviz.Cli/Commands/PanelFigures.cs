using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Regviz.Cli.Options;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Sidecars;
using Regviz.Core;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Commands;

/// <summary>What every panel figure shares: the size of one panel, the image limits, titles, the default name and the sidecar.</summary>
internal static class PanelFigures
{
    /// <summary>
    /// A panel's default size. The image grows with the panels rather than the panels shrinking into it, so a panel
    /// is a figure of its own size and its text is as big in pixels as in a single figure that size.
    /// </summary>
    public const int DefaultPanelSide = 640;

    /// <summary>The style of one panel: --size when given (it sizes each panel), else <see cref="DefaultPanelSide"/> square.</summary>
    public static FigureStyle PanelStyle(ParseResult result, FigureOptions figure, FigureOptions.Values values) =>
        result.GetResult(figure.Size) is { Implicit: false }
            ? values.Style with { Title = null }
            : values.Style with { Width = DefaultPanelSide, Height = DefaultPanelSide, Title = null };

    /// <summary>The image must obey the size limit: checked from the panel count before any work (the legend's rows get 300 pixels).</summary>
    public static void CheckImage(PanelPlan plan, FigureStyle panel)
    {
        int rows = (plan.Count + plan.Columns - 1) / plan.Columns;
        long width = (long)plan.Columns * panel.Width, height = (long)rows * panel.Height + (long)(300 * panel.Scale);
        if (width > FigureOptions.MaxSide || height > FigureOptions.MaxSide)
            throw new InputException($"{plan.Option.Name}: {plan.Count} panels of {panel.Width}x{panel.Height} in {plan.Columns} columns make an image "
                + $"{width}x{height} pixels (with header and legend); at most {FigureOptions.MaxSide} a side: use --cols or a smaller --size");
    }

    /// <summary>A list in a penalty parameter must vary a penalty that has it (--p with l1 would draw the same panel each time).</summary>
    public static void CheckVaries(PanelPlan plan, IEnumerable<Penalty> penalties)
    {
        if (plan.Name is "norm" or "lambda" or "radius") return;
        if (penalties.FirstOrDefault(p => p.Parameters.All(a => a.Name != plan.Name)) is { } other)
            throw new InputException($"{plan.Option.Name}: a list of {plan.Name} varies a penalty that has it; --norm {other.Name} does not");
    }

    /// <summary>What a panel's title says: the value that varies, as the figure names it ("λ = 0.1", "p = 4", "L1 (lasso)").</summary>
    public static string Varying(PanelPlan plan, Penalty penalty, ProblemSpec? spec, Core.Solvers.Solution? optimum = null) => plan.Name switch
    {
        "norm" => PenaltyNames.Display(penalty),
        "lambda" => $"λ = {PenaltyNames.Number(Lambda(spec!))}",
        "radius" => $"N(w) ≤ {PenaltyNames.Number(Radius(spec!))}" + (optimum is { } o ? $" (λ = {PenaltyNames.Number(o.Lambda)})" : ""),
        _ => penalty.Parameters.First(a => a.Name == plan.Name) is var a ? $"{a.Symbol} = {PenaltyNames.Number(a.Value)}" : "",
    };

    // panels over λ are all penalised and panels over t all constrained (each panel's spec is bound from its own value)
    private static double Lambda(ProblemSpec spec) => spec.Form is PenalisedForm p ? p.Lambda : 0;
    private static double Radius(ProblemSpec spec) => spec.Form is ConstrainedForm c ? c.Radius : 0;

    /// <summary>What the panels have in common, for the header: the penalty unless it varies, the form unless it varies, the loss.</summary>
    public static string Common(PanelPlan plan, Penalty penalty, ProblemSpec? spec, string? lossNote)
    {
        var parts = new List<string>();
        if (plan.Name != "norm") parts.Add(plan.Name is "lambda" or "radius" ? PenaltyNames.Display(penalty) : penalty.Title);
        if (spec is not null && plan.Name is not ("lambda" or "radius"))
            parts.Add(spec.Form switch
            {
                ConstrainedForm c => $"ball N(w) ≤ {PenaltyNames.Number(c.Radius)}",
                PenalisedForm p => $"λ = {PenaltyNames.Number(p.Lambda)}",
                _ => throw new ArgumentOutOfRangeException(nameof(spec)),
            });
        if (lossNote is not null) parts.Add(lossNote);
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The options a panels' default name still spells out in full: the single figure's, but a penalty parameter only
    /// when it is the varying one (the name shows the first panel's parameters, which another panel may not have).
    /// </summary>
    public static Option[] Named(IEnumerable<Option> single, PanelPlan plan, IEnumerable<Option> parameters) =>
        [.. single.Where(o => o == plan.Option || !parameters.Contains(o))];

    /// <summary>
    /// The default file name: the first panel's, with the varying word listing every value
    /// (contour-l1-l2-lambda0.5.png, contour-l1-lambda0.1-0.5-2.png, norm-lp-p4-2-1-0.5-0.1.png).
    /// </summary>
    public static string DefaultName(string first, PanelPlan plan, IReadOnlyList<Penalty> penalties, IReadOnlyList<ProblemSpec>? specs, string kind)
    {
        string Num(double v) => RegularisationForm.RoundTrip(v);
        IEnumerable<string> values = plan.Name switch
        {
            "norm" => penalties.Select(p => p.Name),
            "lambda" => specs!.Select(s => Num(Lambda(s))),
            "radius" => specs!.Select(s => Num(Radius(s))),
            _ => penalties.Select(p => Num(p.Parameters.First(a => a.Name == plan.Name).Value)),
        };
        var list = values.ToList();
        // every value, repeats too: 0.5,0.5 is two panels, not the single figure 0.5
        string joined = string.Join("-", list);
        if (plan.Name == "norm") return $"{kind}-{joined}{first[(kind.Length + 1 + penalties[0].Name.Length)..]}";
        string single = $"-{plan.Name}{list[0]}";
        int at = first.LastIndexOf(single, StringComparison.Ordinal);
        return at < 0 ? first : $"{first[..at]}-{plan.Name}{joined}{first[(at + single.Length)..]}";
    }

    /// <summary>The sidecar of a panel figure: what varies, its values, the layout, and each panel's own sidecar in order.</summary>
    /// <param name="overlay">An --overlay figure: "arrangement": "overlay" and the penalties under "overlay", not "panels".</param>
    public static PanelSidecar<T> Sidecar<T>(FigureDescription description, PanelPlan plan, IReadOnlyList<Penalty> penalties, IReadOnlyList<ProblemSpec>? specs,
        IReadOnlyList<T> panels, LayoutSidecar? layout, bool overlay = false) where T : class => new()
    {
        Alt = description.Alt,
        Caption = description.Caption,
        Varies = plan.Name,
        Values = [.. Enumerable.Range(0, plan.Count).Select(i => plan.Name switch
        {
            "norm" => JsonSerializer.SerializeToElement(penalties[i].Name, Core.Sidecars.Sidecar.Options.GetTypeInfo(typeof(string))),
            "lambda" => Output.PenaltyMembers.Number(Lambda(specs![i])),
            "radius" => Output.PenaltyMembers.Number(Radius(specs![i])),
            _ => Output.PenaltyMembers.Number(penalties[i].Parameters.First(a => a.Name == plan.Name).Value),
        })],
        Arrangement = overlay ? "overlay" : null, // "layout" is the layout report (docs/sidecars.md)
        Columns = overlay ? null : plan.Columns,
        Rows = overlay ? null : (plan.Count + plan.Columns - 1) / plan.Columns,
        Panels = overlay ? null : panels,
        Overlay = overlay ? panels : null,
        Layout = layout,
    };
}
