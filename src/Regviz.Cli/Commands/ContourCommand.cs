using System.CommandLine;
using System.Globalization;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz contour</c>: loss and penalty contours, the optimum, and the level set and ball that touch there.</summary>
internal static class ContourCommand
{
    public static Command Create()
    {
        var problem = new ProblemOptions();
        var figure = new FigureOptions();
        var path = new Option<bool>("--path") { Description = "Also draw the regularisation path: w* as λ grows from 0 until w* reaches 0" };
        var command = new Command("contour", "Loss contours, penalty contours and the regularised optimum on one equal-aspect plane");
        problem.AddTo(command);
        figure.AddTo(command);
        command.Options.Add(path);
        command.SetAction(result =>
        {
            var f = figure.Bind(result);
            var spec = problem.Bind(result);
            var scene = SceneBuilder.Contour(spec, new SceneOptions(f.Range, f.Grid, f.Levels, result.GetValue(path), f.Style.Frame().Aspect));
            var plot = ContourFigure.Render(scene, f.Style);
            string output = f.Out ?? DefaultName("contour", spec.Penalty, spec);
            FigureExport.Save(plot, f.Style, output);
            if (f.Json is { } json) JsonOut.Write(json, result.InvocationConfiguration.Output, w => SceneJson.Write(w, scene));
            if (f.Json != "-") result.InvocationConfiguration.Output.WriteLine(output);
            return 0;
        });
        return command;
    }

    /// <summary>A name that says what is in the file, e.g. contour-l1-lambda0.5.png.</summary>
    internal static string DefaultName(string kind, Penalty penalty, ProblemSpec? spec)
    {
        string Num(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        string name = $"{kind}-{penalty.Kind.Name()}";
        if (penalty is ElasticNetPenalty e) name += $"-alpha{Num(e.Alpha)}";
        if (penalty is LpPenalty lp) name += $"-p{Num(lp.P)}";
        if (spec?.Radius is { } t) name += $"-radius{Num(t)}";
        else if (spec?.Lambda is { } l) name += $"-lambda{Num(l)}";
        return name + ".png";
    }
}
