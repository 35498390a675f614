using Regviz.Core;

namespace Regviz.Cli.Batch;

/// <summary>
/// Progress on stderr while figures render — one rewritten line on a terminal, a plain line per figure
/// otherwise (logs and CI) — and the summary on stdout at the end.
/// </summary>
internal sealed class BatchReport(TextWriter stdout, TextWriter stderr, bool terminal, int total)
{
    private readonly object _gate = new();
    private int _done;

    public void Finished(FigureOutcome o)
    {
        lock (_gate)
        {
            _done++;
            if (terminal)
            {
                // a warning starts on a line of its own: the progress line is erased first and drawn again after it
                if (o.Warnings.Count > 0) stderr.Write($"\r{new string(' ', 78)}\r");
                Warnings(o);
                stderr.Write($"\r[{_done,3}/{total}] {(o.Made ? "ok  " : "FAIL")} {Name(o)}".PadRight(78));
                if (!o.Made) stderr.WriteLine($"\n      {o.Error}");
                if (_done == total) stderr.WriteLine();
            }
            else
            {
                Warnings(o);
                stderr.WriteLine(o.Made
                    ? $"[{_done}/{total}] ok   {Name(o)} ({o.Seconds:0.00} s)"
                    : $"[{_done}/{total}] FAIL {Name(o)}: {o.Error}");
            }
        }
    }

    /// <summary>The figure's own warnings, each on one line that says which figure (out name and manifest line) it is about.</summary>
    private void Warnings(FigureOutcome o)
    {
        foreach (string warning in o.Warnings)
            stderr.WriteLine($"warning: {Name(o)} (line {o.Figure.Line}): {warning}");
    }

    public void Summary(IReadOnlyList<FigureOutcome> outcomes, double seconds, bool checking, string? rendererNote = null, CheckRun? run = null)
    {
        if (checking)
        {
            int width = Math.Max(6, outcomes.Max(o => Name(o).Length));
            stdout.WriteLine($"{"figure".PadRight(width)}  {"rms",9}  verdict");
            foreach (var o in outcomes)
            {
                string rms = o.Check?.Rms is { } r ? r.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "-";
                string verdict = o.Made ? o.Check!.Verdict : "not made";
                stdout.WriteLine($"{Name(o).PadRight(width)}  {rms,9}  {RegvizApp.OneLine(verdict)}");
            }
            // each failure's remedy, ready to paste (quoted for a shell: one visible line whatever the name)
            foreach (var o in outcomes)
                if (run?.AcceptFor(o) is { } accept) stdout.WriteLine($"  accept {Name(o)}: {accept}");
        }
        int made = outcomes.Count(o => o.Made), failed = outcomes.Count - made;
        int different = outcomes.Count(o => o.Check is { Passed: false });
        string line = $"{Text.Count(outcomes.Count, "figure")} in {seconds:0.00} s: {made} made, {failed} failed";
        if (checking) line += different == 1 ? ", 1 differs from its golden" : $", {different} differ from their golden";
        int created = outcomes.Count(o => o.Status == CheckStatus.Created), updated = outcomes.Count(o => o.Status == CheckStatus.Updated);
        if (created + updated > 0) line += $"; --update created {created} and updated {updated}";
        int warned = outcomes.Count(o => o.Warnings.Count > 0);
        if (warned > 0) line += $"; {Text.Count(warned, "figure")} warned (on stderr)";
        stdout.WriteLine(line);
        if (rendererNote is not null) stdout.WriteLine(RegvizApp.OneLine(rendererNote)); // it quotes the recorded fingerprint: no terminal escapes
        foreach (var o in outcomes.Where(o => !o.Made))
            stdout.WriteLine($"  failed: {Name(o)} (line {o.Figure.Line}): {o.Error}");
    }

    /// <summary>The figure's out name, escaped and cut (<see cref="SafeText.MaxName"/>): a name from a manifest must not break a line, nor make one a megabyte long.</summary>
    internal static string Name(FigureOutcome o) => SafeText.Display(o.Figure.Out, SafeText.MaxName);
}
