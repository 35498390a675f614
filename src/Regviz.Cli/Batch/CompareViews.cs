using System.Security.Cryptography;
using System.Text;

namespace Regviz.Cli.Batch;

/// <summary>
/// The report's compare views, one section per failure whose golden and result are both pictures: side by side, a
/// slider (golden left of the handle, result right; drag it or use the arrow keys), flicker (click, Enter, Space or F
/// swaps golden and result in place) and the diff. One small inline script drives them, allowed by its SHA-256 in the
/// page's Content-Security-Policy and by nothing else; without it the side-by-side view still shows.
/// </summary>
internal static class CompareViews
{
    /// <summary>The policy's script source: this script's hash, so no other inline script (nor any file) runs.</summary>
    public static string ScriptSource { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'";

    /// <summary>Whether a figure gets compare views: a golden and a result that the page shows as pictures.</summary>
    public static bool Applies(FigureOutcome o) =>
        o.Status == CheckStatus.Failed && o.Check?.Images is { Golden: { } g } images && g != images.Actual && !g.EndsWith(".html", StringComparison.Ordinal);

    public static void Section(StringBuilder html, FigureOutcome o, CheckRun run)
    {
        var c = o.Check!;
        var images = c.Images!;
        string id = $"compare-f{o.Index + 1}";
        string name = HtmlReport.Escape(o.Figure.Out);
        string size = images is { Width: > 0, Height: > 0 } ? $" width=\"{images.Width}\" height=\"{images.Height}\"" : "";
        string limit = images.Width > 0 ? $" style=\"max-width: min(100%, {images.Width}px)\"" : "";
        string golden = HtmlReport.Escape(images.Golden!), result = HtmlReport.Escape(images.Actual);
        html.Append("<section class=\"compare\" id=\"").Append(id).Append("\" data-mode=\"side\" aria-labelledby=\"").Append(id).Append("-h\">\n")
            .Append("<h2 id=\"").Append(id).Append("-h\">").Append(name).Append(" <a href=\"#f").Append(o.Index + 1).Append("\" class=\"back\">↑ row</a></h2>\n");
        HtmlReport.Meaning(html, o, run);
        html.Append("<div class=\"modes\" role=\"group\" aria-label=\"compare views of ").Append(name).Append("\">")
            .Append("<button type=\"button\" data-mode=\"side\" aria-pressed=\"true\">side by side</button>")
            .Append("<button type=\"button\" data-mode=\"slider\" aria-pressed=\"false\">slider</button>")
            .Append("<button type=\"button\" data-mode=\"flicker\" aria-pressed=\"false\">flicker</button>");
        if (images.Diff is not null) html.Append("<button type=\"button\" data-mode=\"diff\" aria-pressed=\"false\">diff</button>");
        html.Append("</div>\n");
        html.Append("<div class=\"view side\"><figure><img src=\"").Append(golden).Append("\" alt=\"golden of ").Append(name).Append('"').Append(size).Append(" loading=\"lazy\"><figcaption>golden</figcaption></figure>")
            .Append("<figure><img src=\"").Append(result).Append("\" alt=\"result of ").Append(name).Append('"').Append(size).Append(" loading=\"lazy\"><figcaption>result</figcaption></figure></div>\n");
        html.Append("<div class=\"view slider\"><div class=\"stack\"").Append(limit).Append('>')
            .Append("<img class=\"under\" src=\"").Append(result).Append("\" alt=\"\"").Append(size).Append(" loading=\"lazy\">")
            .Append("<img class=\"over\" src=\"").Append(golden).Append("\" alt=\"\"").Append(size).Append(" loading=\"lazy\">")
            .Append("<span class=\"handle\" aria-hidden=\"true\"></span><span class=\"tag left\">golden</span><span class=\"tag right\">result</span>")
            .Append("<input class=\"split\" type=\"range\" min=\"0\" max=\"100\" step=\"1\" value=\"50\" aria-label=\"golden left of the handle, result right: percent of the width shown as golden\">")
            .Append("</div></div>\n");
        html.Append("<div class=\"view flicker\"><button type=\"button\" class=\"flick\" data-show=\"golden\"").Append(limit)
            .Append(" aria-label=\"swap golden and result (click, Enter, Space or F)\">")
            .Append("<img class=\"golden\" src=\"").Append(golden).Append("\" alt=\"\"").Append(size).Append(" loading=\"lazy\">")
            .Append("<img class=\"result\" src=\"").Append(result).Append("\" alt=\"\"").Append(size).Append(" loading=\"lazy\">")
            .Append("</button><p class=\"shown\" aria-live=\"polite\">showing the <b>golden</b>: click it, or press F, to swap</p></div>\n");
        if (images.Diff is { } diff)
            html.Append("<div class=\"view diff\"><img src=\"").Append(HtmlReport.Escape(diff)).Append("\" alt=\"pixels that differ in ").Append(name).Append('"').Append(size).Append(" loading=\"lazy\"></div>\n");
        html.Append("</section>\n");
    }

    /// <summary>Hashed as it is written between the script tags: one character changed here changes the policy with it.</summary>
    public const string Script = """
        for (const c of document.querySelectorAll('section.compare')) {
          const buttons = c.querySelectorAll('.modes button');
          for (const b of buttons) b.addEventListener('click', () => {
            c.dataset.mode = b.dataset.mode;
            for (const o of buttons) o.setAttribute('aria-pressed', String(o === b));
          });
          const stack = c.querySelector('.stack'), split = c.querySelector('.split');
          const place = () => stack.style.setProperty('--split', split.value + '%');
          split.addEventListener('input', place);
          place();
          const flick = c.querySelector('.flick'), shown = c.querySelector('.shown b');
          const swap = () => {
            flick.dataset.show = flick.dataset.show === 'golden' ? 'result' : 'golden';
            shown.textContent = flick.dataset.show;
          };
          flick.addEventListener('click', swap);
          flick.addEventListener('keydown', e => { if (e.key === 'f' || e.key === 'F') { e.preventDefault(); swap(); } });
        }
        """;

    public const string Style = """
        section.compare { margin: 28px 0; padding: 16px 0 0; border-top: 2px solid var(--line); }
        section.compare h2 { font-size: 16px; margin: 0 0 6px; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        section.compare h2 .back { font: 12px system-ui, sans-serif; margin-left: 8px; }
        .modes { display: flex; gap: 6px; margin: 10px 0; }
        .modes button { font: inherit; padding: 4px 14px; border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; color: inherit; cursor: pointer; }
        .modes button[aria-pressed=true] { background: #1f2328; color: #fff; border-color: #1f2328; }
        button:focus-visible, .stack:focus-within { outline: 3px solid var(--updated); outline-offset: 2px; }
        section.compare .view { display: none; }
        section.compare[data-mode=side] .view.side { display: flex; flex-wrap: wrap; gap: 16px; }
        section.compare[data-mode=slider] .view.slider, section.compare[data-mode=flicker] .view.flicker, section.compare[data-mode=diff] .view.diff { display: block; }
        .view figure { margin: 0; flex: 1 1 360px; max-width: max-content; }
        .view img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .view figcaption, .tag { font-size: 12px; color: var(--muted); }
        .stack { position: relative; display: inline-block; line-height: 0; }
        .stack img { width: 100%; }
        .stack img.over { position: absolute; inset: 0; clip-path: inset(0 calc(100% - var(--split, 50%)) 0 0); }
        .stack .handle { position: absolute; top: 0; bottom: 0; left: var(--split, 50%); width: 2px; margin-left: -1px; background: #d63384; box-shadow: 0 0 0 1px #fff; pointer-events: none; }
        .stack .tag { position: absolute; top: 4px; line-height: 1.4; padding: 0 6px; background: rgba(255,255,255,.85); pointer-events: none; }
        .stack .tag.left { left: 4px; } .stack .tag.right { right: 4px; }
        .stack .split { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: ew-resize; }
        .flick { display: block; padding: 0; border: 0; background: none; cursor: pointer; line-height: 0; }
        .flick img { width: 100%; }
        .flick[data-show=golden] img.result, .flick[data-show=result] img.golden { display: none; }
        .shown { margin: 6px 0; color: var(--muted); }
        ul.meaning { margin: 4px 0; padding-left: 18px; }
        ul.meaning li { overflow-wrap: anywhere; }
        ul.meaning.rendering, ul.meaning.unknown { color: var(--muted); }
        .accept { margin-top: 4px; font-size: 12px; }
        .accept code { display: block; padding: 4px 6px; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; overflow-wrap: anywhere; white-space: pre-wrap; }
        """;
}
