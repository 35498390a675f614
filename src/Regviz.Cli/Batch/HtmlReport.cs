using System.Globalization;
using System.Text;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// --report: one self-contained page (no network; its Content-Security-Policy forbids it, and any script but the
/// compare views' own, allowed by hash) with a row per figure — golden, result and diff side by side, what changed in
/// meaning and the command that accepts it, RMS against the figure's tolerance, the tolerance that would pass —
/// failures first, counts at the top, a checkbox that hides the passes (CSS only, checked when anything failed), and
/// below the table each failure's compare views (<see cref="CompareViews"/>).
/// Every manifest string is escaped here and nowhere else: a name from a pull request must stay text.
/// </summary>
internal static class HtmlReport
{
    public static void Write(CheckRun run, ReportFolder folder)
    {
        var html = new StringBuilder(4096 + 1200 * run.Outcomes.Count);
        Head(html, run);
        html.Append("<body>\n");
        Header(html, run);
        html.Append("<main>\n");
        // created and updated rows stay in view: they are what --update changed
        int passes = run.Count(CheckStatus.Passed);
        bool hide = passes < run.Outcomes.Count;
        html.Append("<input type=\"checkbox\" id=\"hide-passes\"").Append(hide ? " checked" : "").Append(">")
            .Append("<label for=\"hide-passes\">Hide the ").Append(passes).Append(passes == 1 ? " figure" : " figures").Append(" that passed</label>\n");
        html.Append("<table>\n<thead><tr><th>status</th><th>figure</th><th>golden</th><th>result</th><th>diff</th>")
            .Append("<th class=\"num\">RMS</th><th class=\"num\">tolerance</th><th class=\"num\">passes at</th></tr></thead>\n<tbody>\n");
        foreach (var o in run.WorstFirst()) Row(html, o, run);
        html.Append("</tbody>\n</table>\n");
        if (run.Outcomes.Count == 0) html.Append("<p class=\"none\">The manifest has no figures.</p>\n");
        var compared = run.WorstFirst().Where(CompareViews.Applies).ToList();
        foreach (var o in compared) CompareViews.Section(html, o, run);
        if (compared.Count > 0) html.Append("<script>").Append(CompareViews.Script).Append("</script>\n");
        html.Append("</main>\n</body>\n</html>\n");
        AtomicFile.WriteAllBytes(folder.Index, new UTF8Encoding(false).GetBytes(html.ToString()));
    }

    private static void Head(StringBuilder html, CheckRun run)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src ").Append(CompareViews.ScriptSource).Append("\">\n")
            .Append("<title>").Append(Escape(Title(run))).Append("</title>\n<style>\n").Append(Style).Append(CompareViews.Style).Append("</style>\n</head>\n");
    }

    private static string Title(CheckRun run)
    {
        int bad = run.Outcomes.Count(o => o.Status is CheckStatus.Error or CheckStatus.Failed or CheckStatus.Missing);
        int all = run.Outcomes.Count;
        if (bad == 0) return all == 1 ? "regviz check: the figure passed" : $"regviz check: all {all} passed";
        return $"regviz check: {bad} of {all} {(bad == 1 ? "needs" : "need")} a look";
    }

    private static void Header(StringBuilder html, CheckRun run)
    {
        html.Append("<header>\n<h1>Image check <span class=\"src\">").Append(Escape(run.ManifestPath)).Append("</span></h1>\n<p class=\"counts\">");
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            int n = run.Count(status);
            if (n == 0 && status != CheckStatus.Passed && status != CheckStatus.Failed) continue;
            html.Append("<span class=\"count ").Append(CheckOutcome.Word(status)).Append(n == 0 ? " zero" : "").Append("\"><b>")
                .Append(n).Append("</b> ").Append(CheckOutcome.Word(status)).Append("</span>");
        }
        html.Append("</p>\n<p class=\"meta\">");
        var meta = new List<string> { $"{Text.Count(run.Outcomes.Count, "figure")} in {run.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s" };
        if (run.GoldenDir is { } golden) meta.Add($"goldens: <code>{Escape(golden)}</code>");
        if (run.HashLibrary is { } library) meta.Add($"hash library: <code>{Escape(library)}</code>");
        meta.Add($"tolerance {RegularisationForm.RoundTrip(run.Tolerance)} unless the figure sets its own");
        if (run.Update is { } u) meta.Add($"--update {UpdateModes.Words[(int)u]}");
        meta.Add(run.StartedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        html.AppendJoin(" · ", meta).Append("</p>\n");
        if (run.RendererNote is { } note)
            html.Append("<p class=\"note").Append(run.Renderer.Differences.Count > 0 ? " moved" : "").Append("\">").Append(Escape(note)).Append("</p>\n");
        html.Append("<details><summary>renderer</summary><table class=\"renderer\"><tr><th>component</th><th>running</th><th>recorded with the baselines</th></tr>");
        var recorded = run.Renderer.Recorded?.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (name, value) in run.Renderer.Running)
        {
            string then = recorded is null ? "—" : recorded.GetValueOrDefault(name) ?? "not recorded";
            html.Append("<tr").Append(recorded is not null && then != value ? " class=\"moved\"" : "").Append("><td>").Append(Escape(name))
                .Append("</td><td><code>").Append(Escape(value)).Append("</code></td><td><code>").Append(Escape(then)).Append("</code></td></tr>");
        }
        html.Append("</table></details>\n</header>\n");
    }

    private static void Row(StringBuilder html, FigureOutcome o, CheckRun run)
    {
        double tolerance = run.Tolerance;
        string word = CheckOutcome.Word(o.Status);
        var c = o.Check;
        html.Append("<tr class=\"").Append(word).Append("\" id=\"f").Append(o.Index + 1).Append("\"><td class=\"status\">").Append(word).Append("</td>");
        html.Append("<td class=\"figure\"><div class=\"out\">").Append(Escape(o.Figure.Out)).Append("</div>")
            .Append("<div class=\"args\">").Append(Escape(o.Figure.Args)).Append("</div>")
            ;
        if (c is not null) Meaning(html, o, run);
        else html.Append("<div class=\"verdict\">").Append(Escape(o.Error ?? "")).Append("</div>");
        if (CompareViews.Applies(o)) html.Append("<div class=\"views\"><a href=\"#compare-f").Append(o.Index + 1).Append("\">compare views ↓</a></div>");
        foreach (string warning in o.Warnings) html.Append("<div class=\"warning\">warning: ").Append(Escape(warning)).Append("</div>");
        html.Append("<div class=\"line\">manifest line ").Append(o.Figure.Line).Append("</div></td>");
        if (c is null)
        {
            html.Append("<td colspan=\"3\" class=\"none\">not made: ").Append(Escape(o.Error ?? "")).Append("</td>");
            html.Append("<td class=\"num\">—</td><td class=\"num\">").Append(Number(o.Figure.Tolerance ?? tolerance)).Append("</td><td class=\"num\">—</td></tr>\n");
            return;
        }
        var images = c.Images;
        if (images?.Golden is { } g && g == images.Actual) Cell(html, null, "identical to the result", images);
        else Cell(html, images?.Golden, c.Golden is null ? "no golden image" : "not shown", images);
        Cell(html, images?.Actual, "not kept", images);
        Cell(html, images?.Diff, c.Rms is 0 || c.Verdict.StartsWith("ok", StringComparison.Ordinal) && c.DifferentPixels == 0 ? "no difference" : "—", images);
        html.Append("<td class=\"num\">").Append(c.Rms is { } rms ? rms.ToString("0.0000", CultureInfo.InvariantCulture) : "—").Append("</td>")
            .Append("<td class=\"num\">").Append(Number(c.Tolerance)).Append(o.Figure.Tolerance is not null ? "<br><small>own</small>" : "").Append("</td>")
            .Append("<td class=\"num\">").Append(Number(c.PassingTolerance)).Append("</td></tr>\n");
    }

    /// <summary>
    /// A picture, linked to itself at full size; lazily loaded with its size given, so 500 rows neither load 1,500 images
    /// at once nor jump while they arrive. SVG is shown but not linked: opened on its own, an SVG may run script.
    /// </summary>
    private static void Cell(StringBuilder html, string? image, string otherwise, ReportImages? images)
    {
        html.Append("<td class=\"image\">");
        if (image is null) html.Append("<span class=\"none\">").Append(Escape(otherwise)).Append("</span>");
        else
        {
            bool svg = image.EndsWith(".svg", StringComparison.Ordinal);
            string src = Escape(image);
            // an explore page is no picture: a link to it (regviz made it; its own policy forbids any fetch)
            if (image.EndsWith(".html", StringComparison.Ordinal))
            {
                html.Append("<a href=\"").Append(src).Append("\">the page</a></td>");
                return;
            }
            if (!svg) html.Append("<a href=\"").Append(src).Append("\">");
            html.Append("<img src=\"").Append(src).Append("\" loading=\"lazy\" alt=\"\"");
            if (images is { Width: > 0, Height: > 0 }) html.Append(" width=\"").Append(images.Width).Append("\" height=\"").Append(images.Height).Append('"');
            html.Append('>');
            if (!svg) html.Append("</a>");
        }
        html.Append("</td>");
    }

    /// <summary>
    /// What changed in meaning (one item per change), then the rest of the verdict (the pixels), then the command that
    /// accepts the change.
    /// </summary>
    internal static void Meaning(StringBuilder html, FigureOutcome o, CheckRun run)
    {
        var c = o.Check!;
        string verdict = c.Verdict;
        if (c.Meaning is { } meaning)
        {
            html.Append("<ul class=\"meaning ").Append(meaning.Word).Append("\">");
            foreach (string line in meaning.Lines) html.Append("<li>").Append(Escape(line)).Append("</li>");
            html.Append("</ul>");
            if (verdict.StartsWith(meaning.Text + "; ", StringComparison.Ordinal)) verdict = verdict[(meaning.Text.Length + 2)..];
        }
        html.Append("<div class=\"verdict\">").Append(Escape(verdict)).Append("</div>");
        if (run.AcceptFor(o) is { } accept)
            html.Append("<div class=\"accept\">accept with:<code>").Append(Escape(accept)).Append("</code></div>");
    }

    private static string Number(double? value) => value is { } v ? RegularisationForm.RoundTrip(v) : "—";

    /// <summary>Text and attribute values alike: the five characters HTML gives meaning to, after <see cref="ReportText"/>.</summary>
    internal static string Escape(string text)
    {
        string printable = ReportText.Printable(text);
        if (printable.AsSpan().IndexOfAny("&<>\"'") < 0) return printable;
        var b = new StringBuilder(printable.Length + 32);
        foreach (char ch in printable)
            b.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        return b.ToString();
    }

    private const string Style = """
        :root { --fail: #b3261e; --missing: #9a5b00; --error: #7b2d9e; --updated: #1a5fb4; --ok: #2e7d32; --line: #d8dee4; --muted: #59636e; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328; background: #fff; }
        header { padding: 16px 24px 10px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
        h1 { font-size: 20px; margin: 0 0 6px; }
        h1 .src, code, .out, .args { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        h1 .src { font-weight: normal; font-size: 15px; color: var(--muted); overflow-wrap: anywhere; }
        .counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
        .count { padding: 2px 12px; border-radius: 999px; border: 1px solid currentColor; background: #fff; }
        .count b { font-size: 16px; }
        .count.zero { opacity: .55; }
        .failed, .count.failed { color: var(--fail); } .missing, .count.missing { color: var(--missing); }
        .error, .count.error { color: var(--error); } .updated, .created, .count.updated, .count.created { color: var(--updated); }
        .passed, .count.passed { color: var(--ok); }
        tr.failed, tr.missing, tr.error, tr.updated, tr.created, tr.passed { color: inherit; }
        .meta { color: var(--muted); margin: 4px 0; overflow-wrap: anywhere; }
        .note { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--muted); background: #fff; }
        .note.moved { border-left-color: var(--missing); background: #fff8e6; }
        details { margin: 6px 0 0; color: var(--muted); }
        table.renderer { width: auto; margin: 6px 0; font-size: 12px; }
        table.renderer td, table.renderer th { padding: 2px 10px 2px 0; border: 0; position: static; background: none; }
        table.renderer tr.moved { color: var(--missing); font-weight: 600; }
        main { padding: 10px 24px 48px; }
        #hide-passes { margin: 0 6px 12px 0; vertical-align: middle; }
        label { user-select: none; }
        #hide-passes:checked ~ table tr.passed { display: none; }
        table { border-collapse: collapse; width: 100%; }
        thead th { position: sticky; top: 0; z-index: 1; background: #f6f8fa; text-align: left; font-weight: 600; padding: 6px 8px; border-bottom: 2px solid var(--line); }
        td { padding: 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.status { font-weight: 700; font-size: 12px; letter-spacing: .04em; text-transform: uppercase; white-space: nowrap; border-left: 4px solid transparent; }
        tr.failed td.status { color: var(--fail); border-left-color: var(--fail); }
        tr.missing td.status { color: var(--missing); border-left-color: var(--missing); }
        tr.error td.status { color: var(--error); border-left-color: var(--error); }
        tr.updated td.status, tr.created td.status { color: var(--updated); border-left-color: var(--updated); }
        tr.passed td.status { color: var(--ok); }
        td.figure { min-width: 17em; max-width: 30em; }
        .out { font-weight: 600; overflow-wrap: anywhere; }
        .args { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
        .verdict { margin-top: 4px; overflow-wrap: anywhere; }
        .warning { margin-top: 4px; font-size: 12px; color: var(--missing); overflow-wrap: anywhere; }
        .line { font-size: 12px; color: var(--muted); }
        td.image img { display: block; max-width: min(240px, 16vw); max-height: min(240px, 16vw); width: auto; height: auto; border: 1px solid var(--line); background: #fff; }
        tr.passed td.image img { max-width: 110px; max-height: 110px; }
        .none { color: #8c959f; font-style: italic; overflow-wrap: anywhere; }
        """;
}
