using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Regviz.Core.Motion;
using Regviz.Plotting;

namespace Regviz.Cli.Explore;

/// <summary>
/// One self-contained HTML file: a log-scale slider over the sweep's frames, the figure for the chosen frame and its
/// numbers beside it. Every byte is inside the file (images as data: URIs, no fonts or scripts fetched) and the page's
/// Content-Security-Policy forbids any fetch, so it works from file:// and offline. The figure is the still frame as a
/// PNG with, for every other frame, a patch of the pixels that differ drawn over it: the fixed parts are sent once.
/// </summary>
internal static class ExplorePage
{
    /// <param name="description">The whole sweep in words, printed under the title.</param>
    /// <param name="words">Each frame in words: the figure's alt text and caption follow the slider.</param>
    public static byte[] Build(ContourSweep sweep, PatchedFrames frames, string title, FigureDescription description, IReadOnlyList<FigureDescription> words)
    {
        var scene = sweep.First;
        var names = scene.FeatureNames;
        using var json = new MemoryStream();
        using (var w = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteNumber("width", frames.Width);
            w.WriteNumber("height", frames.Height);
            w.WriteStartArray("frames");
            foreach (var f in sweep.Frames)
            {
                var o = f.Optimum;
                w.WriteStartObject();
                w.WriteString("label", FrameWords.Value(sweep, f));
                w.WriteString("alt", words[f.Index].Alt);
                w.WriteString("caption", words[f.Index].Caption);
                w.WriteString("zeros", FrameWords.Zeros(names, o));
                w.WriteString("equivalence", FrameWords.Equivalence(scene, sweep, f));
                w.WriteStartArray("rows");
                foreach (var (name, value) in Rows(sweep, f, names)) { w.WriteStartArray(); w.WriteStringValue(name); w.WriteStringValue(FrameWords.Number(value)); w.WriteStringValue(FrameWords.Exact(value)); w.WriteEndArray(); }
                w.WriteEndArray();
                w.WriteString("certificate", o.Certificate.Certified
                    ? $"certified: KKT residual {FrameWords.Number(o.Certificate.Kkt)} ≤ 1e-9"
                    : $"NOT certified: KKT residual {FrameWords.Number(o.Certificate.Kkt)}");
                if (frames.Patches[f.Index] is { } p)
                {
                    w.WriteStartObject("patch");
                    w.WriteNumber("x", p.Rect.X);
                    w.WriteNumber("y", p.Rect.Y);
                    w.WriteNumber("w", p.Rect.Width);
                    w.WriteNumber("h", p.Rect.Height);
                    w.WriteString("png", Convert.ToBase64String(p.Png));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var first = sweep.Frames[0];
        // the first frame's patch is in the markup too, so a reader without scripts sees a whole figure
        string patch = frames.Patches[0] is { } p0
            ? $"src=\"data:image/png;base64,{Convert.ToBase64String(p0.Png)}\" style=\"{PatchStyle(p0.Rect, frames)}\""
            : "hidden";
        string slider = sweep.Parameter == SweepParameter.Radius ? "t, the radius of the ball N(w) ≤ t (evenly spaced)" : "λ (log scale)";
        var html = new StringBuilder(frames.ReferencePng.Length * 2 + (int)json.Length + 8192);
        html.Append(Head.Replace("{title}", E(title), StringComparison.Ordinal));
        html.Append($"""
            <main>
            <h1>{E(title)}</h1>
            <p class="lead">Move the slider (arrow keys, Page Up/Down, Home and End work too): the figure and the numbers follow. Each frame was solved exactly and certified; a coefficient is called zero only when it is exactly 0.</p>
            <div class="controls">
              <label for="sweep">{E(slider)}</label>
              <input type="range" id="sweep" min="0" max="{sweep.Frames.Count - 1}" step="1" value="0" aria-valuetext="{E(FrameWords.Value(sweep, first))}">
              <output id="value" for="sweep">{E(FrameWords.Value(sweep, first))}</output>
              <button type="button" id="play" aria-pressed="false">Play</button>
              <div class="ends"><span>{E(FrameWords.Value(sweep, sweep.Frames[0]))}</span><span>frame <span id="index">1</span> of {sweep.Frames.Count}</span><span>{E(FrameWords.Value(sweep, sweep.Frames[^1]))}</span></div>
            </div>
            <div class="layout">
              <figure>
                <div class="stack" style="max-width:min({frames.Width}px, calc((100vh - 20rem) * {(frames.Width / (double)frames.Height).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}))">
                  <img id="figure" width="{frames.Width}" height="{frames.Height}" src="data:image/png;base64,{Convert.ToBase64String(frames.ReferencePng)}" alt="{E(words[0].Alt)}">
                  <img id="patch" alt="" aria-hidden="true" {patch}>
                </div>
                <figcaption id="caption" class="muted">{E(words[0].Caption)}</figcaption>
              </figure>
              <section class="numbers" aria-label="The numbers of this frame">
                <p id="summary" class="summary" aria-live="polite">{E(FrameWords.Zeros(names, first.Optimum))}</p>
                <table><tbody id="rows"></tbody></table>
                <p id="equivalence">{E(FrameWords.Equivalence(scene, sweep, first))}</p>
                <p id="certificate" class="muted"></p>
                <p class="muted">Hover a number for all its digits. D(w) is the data term, P(w) the penalty, J = D + λP.</p>
              </section>
            </div>
            <p id="about">{E(description.Caption)}</p>
            </main>
            <script type="application/json" id="frames">
            """);
        html.Append(Encoding.UTF8.GetString(json.ToArray()));
        html.Append("</script>\n");
        html.Append(Script);
        html.Append("</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    private static IEnumerable<(string, double)> Rows(ContourSweep sweep, SweepFrame f, IReadOnlyList<string> names)
    {
        var o = f.Optimum;
        yield return ("λ", o.Lambda);
        yield return (sweep.Parameter == SweepParameter.Radius ? "t (the ball's radius)" : "t = N(w*)", sweep.Parameter == SweepParameter.Radius ? f.Value : sweep.First.Penalty.Norm(o.Weights));
        for (int j = 0; j < o.Weights.Length; j++) yield return ($"w{(j == 0 ? "₁" : "₂")}* ({names[j]})", o.Weights[j]);
        yield return ("D(w*)", o.DataTerm);
        yield return ("P(w*)", o.PenaltyValue);
        yield return ("λ·P(w*)", o.Lambda * o.PenaltyValue);
        yield return ("J(w*) = D + λP", o.DataTerm + o.Lambda * o.PenaltyValue);
    }

    private static string PatchStyle(FrameRect r, PatchedFrames f) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"left:{100.0 * r.X / f.Width}%;top:{100.0 * r.Y / f.Height}%;width:{100.0 * r.Width / f.Width}%");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title>
        <style>
        body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fff; }
        main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
        h1 { font-size: 1.35rem; margin: .2rem 0 .4rem; }
        .lead { margin: 0 0 .8rem; color: #444; }
        .controls { display: grid; grid-template-columns: auto 1fr auto auto; gap: .3rem .8rem; align-items: center; max-width: 860px; }
        .controls label { font-weight: 600; }
        .controls input[type=range] { width: 100%; min-width: 10rem; }
        .controls output { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 8.5rem; }
        .controls .ends { grid-column: 2 / 3; display: flex; flex-wrap: wrap; gap: 0 .8rem; justify-content: space-between; font-size: .85rem; color: #555; }
        button { font: inherit; padding: .15rem .8rem; }
        input:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
        .layout { display: flex; flex-wrap: wrap; gap: 1.5rem; margin-top: 1rem; align-items: flex-start; }
        figure { margin: 0; flex: 1 1 480px; min-width: 0; }
        .stack { position: relative; }
        .stack img { display: block; width: 100%; height: auto; }
        #patch { position: absolute; height: auto; }
        .numbers { flex: 0 1 360px; }
        .summary { font-weight: 600; font-size: 1.1rem; margin-top: 0; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        td { padding: .2rem .9rem .2rem 0; border-bottom: 1px solid #e3e3e3; }
        td:last-child { text-align: right; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        td.zero { font-weight: 700; color: #0b6b2f; }
        .muted { color: #555; font-size: .9rem; }
        /* a phone: the slider on its own row across the width, its value and Play below it, the figure as wide as the screen */
        @media (max-width: 600px) {
          main { padding: .6rem .75rem 1.5rem; }
          .controls { grid-template-columns: 1fr auto; }
          .controls label, .controls input[type=range], .controls .ends { grid-column: 1 / -1; }
          .controls input[type=range] { min-width: 0; }
          .controls output { min-width: 0; }
          figure { flex-basis: 100%; }
        }
        </style>
        </head>
        <body>

        """;

    private const string Script = """
        <script>
        "use strict";
        (function () {
          var data = JSON.parse(document.getElementById("frames").textContent);
          var slider = document.getElementById("sweep"), figure = document.getElementById("figure"), patch = document.getElementById("patch");
          var rows = document.getElementById("rows"), play = document.getElementById("play"), timer = null;
          function text(id, value) { document.getElementById(id).textContent = value; }
          function show(k) {
            var f = data.frames[k];
            if (f.patch) {
              patch.src = "data:image/png;base64," + f.patch.png;
              patch.style.left = (100 * f.patch.x / data.width) + "%";
              patch.style.top = (100 * f.patch.y / data.height) + "%";
              patch.style.width = (100 * f.patch.w / data.width) + "%";
              patch.hidden = false;
            } else {
              patch.hidden = true;
              patch.removeAttribute("src");
            }
            figure.alt = f.alt;
            text("caption", f.caption);
            slider.setAttribute("aria-valuetext", f.label);
            text("value", f.label);
            text("index", String(k + 1));
            text("summary", f.zeros);
            text("equivalence", f.equivalence);
            text("certificate", f.certificate);
            rows.textContent = "";
            f.rows.forEach(function (r) {
              var tr = document.createElement("tr"), name = document.createElement("td"), value = document.createElement("td");
              name.textContent = r[0];
              value.textContent = r[1] === "0" && r[0].charAt(0) === "w" ? "0 (exactly)" : r[1];
              if (r[1] === "0" && r[0].charAt(0) === "w") value.className = "zero";
              value.title = r[2];
              tr.appendChild(name);
              tr.appendChild(value);
              rows.appendChild(tr);
            });
            document.body.setAttribute("data-frame", String(k));
          }
          slider.addEventListener("input", function () { show(Number(slider.value)); });
          play.addEventListener("click", function () {
            if (timer !== null) { clearInterval(timer); timer = null; play.textContent = "Play"; play.setAttribute("aria-pressed", "false"); return; }
            play.textContent = "Pause";
            play.setAttribute("aria-pressed", "true");
            if (Number(slider.value) === data.frames.length - 1) slider.value = "0";
            timer = setInterval(function () {
              var k = Number(slider.value) + 1;
              if (k >= data.frames.length) { play.click(); return; }
              slider.value = String(k);
              show(k);
            }, 80);
          });
          // #frame=N (from 0) opens the page at that frame: a link can point at the moment w₂ reaches 0
          var asked = /^#frame=(\d+)$/.exec(location.hash);
          if (asked && Number(asked[1]) < data.frames.length) slider.value = asked[1];
          show(Number(slider.value));
        })();
        </script>

        """;
}
