using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Regviz.Cli.Output;
using Regviz.Plotting;

namespace Regviz.Cli.Explore;

/// <summary>
/// The live explore page for a quadratic data term in two weights, D(w) = (w − m)ᵀA(w − m) + offset: the page draws
/// the figure (SVG) and solves w* itself, so the reader can drag the loss. One file: the script and style are inside it
/// and the Content-Security-Policy forbids every fetch.
/// </summary>
internal static class LivePage
{
    /// <summary>What the page opens with; a URL fragment overrides each part (the script checks and clamps it).</summary>
    /// <param name="Radius">t of the constrained form, or null for the penalised form at <paramref name="Lambda"/>.</param>
    /// <param name="Offset">D at the least-squares point (what the fit leaves unexplained), so D matches regviz solve.</param>
    public sealed record Start(IReadOnlyList<string> Norms, double Lambda, double? Radius, double Alpha,
        double[] Centre, double[] Hessian, double Offset, IReadOnlyList<string> Names);

    public static byte[] Build(Start start, string title, string about)
    {
        using var json = new MemoryStream();
        using (var w = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteStrings("norms", start.Norms);
            w.WriteNumber("lambda", start.Lambda);
            if (start.Radius is { } t) w.WriteNumber("radius", t); else w.WriteNull("radius");
            w.WriteNumber("alpha", start.Alpha);
            w.WriteNumbers("centre", start.Centre);
            w.WriteNumbers("hessian", start.Hessian);
            w.WriteNumber("offset", start.Offset);
            w.WriteStrings("names", start.Names);
            w.WriteEndObject();
        }
        var html = new StringBuilder(64 * 1024);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}}</title>
            <style>
            {{LivePageStyle.Css(Theme.Light, Theme.Dark)}}
            </style>
            </head>
            <body>
            <main>
            <h1>{{E(title)}}</h1>
            <p class="lead">{{E(about)}}</p>
            <div class="controls">
              <label for="knob" id="knob-label">λ (log scale)</label>
              <input type="range" id="knob" min="0" max="1" step="any" value="0">
              <output id="knob-value" for="knob"></output>
              <select id="form" aria-label="Form of the problem"><option value="lambda">penalised: D + λP</option><option value="radius">constrained: N(w) ≤ t</option></select>
            </div>
            <div id="panels"></div>
            <noscript><p>This page draws its figure with a script; without scripts it shows nothing. <code>regviz contour</code> draws the same figure as an image.</p></noscript>
            <p class="muted help">Drag × (the least-squares point) or ◻ (stretch and turn the loss), or focus one with Tab and use the arrow keys (Shift: larger steps). A weight is called 0 only when it is exactly 0. D(w) is the data term, P(w) the penalty, J = D + λP; hover a number for all its digits. The address bar holds this view: copy it to share it.</p>
            </main>
            <script type="application/json" id="config">
            """);
        html.Append(Encoding.UTF8.GetString(json.ToArray()));
        html.Append("</script>\n");
        html.Append(LivePageScript.Text);
        html.Append("</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
