using System.Text.Json;
using Regviz.Core.Paths;
using Regviz.Core.Contours;
using Regviz.Core.Penalties;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>The sidecar: the numbers behind a figure, in the shapes of docs/conventions.md (parameter coordinates throughout).</summary>
internal static class SceneJson
{
    public static void Write(Utf8JsonWriter w, ContourScene scene, FigureDescription description)
    {
        var o = scene.Optimum;
        w.WriteStartObject();
        WriteDescription(w, description);
        WritePenalty(w, scene.Penalty);
        w.WriteStrings("features", scene.FeatureNames);
        w.WriteStartObject("optimum");
        w.WriteNumbers("weights", o.Weights);
        w.WriteNumber("objective", o.Objective);
        w.WriteNumber("lambda", o.Lambda);
        if (o.Radius is { } r) w.WriteNumber("radius", r);
        w.WriteNumber("intercept", o.Intercept);
        w.WriteNumber("data_term", o.DataTerm);
        w.WriteNumber("penalty", o.PenaltyValue);
        CertificateOut.WriteFields(w, o.Certificate);
        w.WriteEndObject();
        if (scene.Unregularised is { } ls)
        {
            w.WriteStartObject("unregularised");
            w.WriteNumbers("weights", ls);
            w.WriteEndObject();
        }
        else w.WriteNull("unregularised");
        if (scene.Twin is { } twin) w.WriteNumbers("twin", twin);
        WriteRange(w, scene.Range);
        w.WriteStartObject("contours");
        WriteLevels(w, "loss", scene.LossContours);
        WriteLevels(w, "norm", scene.NormContours);
        w.WriteEndObject();
        w.WriteStartObject("touching");
        if (scene.TouchingLoss is { } tl) w.WriteNumber("loss_level", tl.Level); else w.WriteNull("loss_level");
        if (scene.TouchingNorm is { } tn) w.WriteNumber("norm_level", tn.Level); else w.WriteNull("norm_level");
        w.WriteEndObject();
        if (scene.Path is { } path) WritePoints(w, "path", path);
        if (scene.Trace is { } trace)
        {
            w.WriteStartArray("trace");
            foreach (var p in trace.Iterates)
            {
                WritePair(w, p[0], p[1]);
            }
            w.WriteEndArray();
            w.WriteString("trace_method", trace.Method.ToString().ToLowerInvariant());
            w.WriteBoolean("trace_diverged", trace.Diverged);
            w.WriteNumber("trace_step", trace.Step);
        }
        w.WriteEndObject();
    }

    /// <param name="scaling">With --standardize: the scales (weights are on the original scale, λ the scaled problem's).</param>
    /// <param name="marked">The optimum at --mark, when an exact λ is known for it.</param>
    public static void Write(Utf8JsonWriter w, PathScene scene, FigureDescription description, Core.Data.Standardization? scaling = null, Core.Solvers.Solution? marked = null)
    {
        w.WriteStartObject();
        WriteDescription(w, description);
        WritePenalty(w, scene.Penalty);
        w.WriteStrings("features", scene.FeatureNames);
        w.WriteNumber("lambda_max", scene.Path.LambdaMax);
        w.WriteString("xvar", scene.XVar.ToString().ToLowerInvariant());
        // on the ‖w‖₁ and fraction axes every point says where it is drawn (the shrinkage factor of a knot is what ESL reads)
        Func<PathPoint, double>? x = scene.XVar == PathAxis.Lambda ? null : scene.X;
        WritePoints(w, "points", scene.Path.Points, x);
        if (scene.Path.Knots is { } knots) WritePoints(w, "knots", knots, x);
        // what the figure draws, in order, each with its x on the figure's axis (log10 λ on the λ axis) and its certificate
        WritePoints(w, "drawn", scene.DrawnPoints(), scene.X);
        w.WriteBoolean("reaches_fit", scene.Path.ReachesFit);
        if (scene.Path.Unregularised is { } end)
        {
            w.WritePropertyName("unregularised");
            WritePoint(w, end, x);
        }
        if (scaling is not null)
        {
            w.WriteBoolean("standardized", true);
            w.WriteNumbers("scales", scaling.Scales);
        }
        if (scene.Marker is { } mark)
        {
            w.WriteStartObject("mark");
            w.WriteNumber(scene.XVar == PathAxis.Fraction ? "s" : "lambda", mark);
            if (marked is not null)
            {
                if (scene.XVar == PathAxis.Fraction) w.WriteNumber("lambda", marked.Lambda);
                w.WriteNumbers("weights", marked.Weights);
                CertificateOut.WriteFields(w, marked.Certificate);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePoints(Utf8JsonWriter w, string name, IEnumerable<PathPoint> points, Func<PathPoint, double>? x = null)
    {
        w.WriteStartArray(name);
        foreach (var p in points) WritePoint(w, p, x);
        w.WriteEndArray();
    }

    private static void WritePoint(Utf8JsonWriter w, PathPoint p, Func<PathPoint, double>? x)
    {
        w.WriteStartObject();
        w.WriteNumber("lambda", p.Lambda);
        if (x is not null) w.WriteNumber("x", x(p));
        w.WriteNumbers("weights", p.Weights);
        if (p.Certificate is { } c) CertificateOut.WriteFields(w, c);
        w.WriteEndObject();
    }

    /// <summary>The figure in words, first, where a reader of the sidecar looks: "alt" (one sentence) and "caption".</summary>
    public static void WriteDescription(Utf8JsonWriter w, FigureDescription description)
    {
        w.WriteString("alt", description.Alt);
        w.WriteString("caption", description.Caption);
    }

    /// <summary>The penalty's name and its parameters by name ("alpha", "p", …).</summary>
    public static void WritePenalty(Utf8JsonWriter w, Penalty penalty)
    {
        w.WriteString("norm", penalty.Name);
        foreach (var a in penalty.Parameters) w.WriteNumber(a.Name, a.Value);
    }

    public static void Write(Utf8JsonWriter w, NormScene scene, FigureDescription description)
    {
        w.WriteStartObject();
        WriteDescription(w, description);
        WritePenalty(w, scene.Penalty);
        if (scene.Penalty.ShapedAt is { } lambda) w.WriteNumber("lambda", lambda);
        WriteRange(w, scene.Range);
        w.WriteStartObject("contours");
        WriteLevels(w, "norm", scene.NormContours);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter w, PlaneRange r)
    {
        w.WriteStartObject("range");
        w.WriteNumber("x0", r.X0);
        w.WriteNumber("x1", r.X1);
        w.WriteNumber("y0", r.Y0);
        w.WriteNumber("y1", r.Y1);
        w.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter w, string name, IEnumerable<ContourLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartObject();
            w.WriteNumber("level", level.Level);
            w.WriteStartArray("lines");
            foreach (var line in level.Lines)
            {
                w.WriteStartArray();
                for (int k = 0; k < line.Count; k++)
                {
                    WritePair(w, line.X[k], line.Y[k]);
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A point of the plane as docs/conventions.md writes it: [x, y].</summary>
    private static void WritePair(Utf8JsonWriter w, double x, double y)
    {
        w.WriteStartArray();
        w.WriteNumberValue(x);
        w.WriteNumberValue(y);
        w.WriteEndArray();
    }
}
