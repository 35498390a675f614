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
                stderr.Write($"\r[{_done,3}/{total}] {(o.Made ? "ok  " : "FAIL")} {Name(o)}".PadRight(78));
                if (!o.Made) stderr.WriteLine($"\n      {o.Error}");
                if (_done == total) stderr.WriteLine();
            }
            else
            {
                stderr.WriteLine(o.Made
                    ? $"[{_done}/{total}] ok   {Name(o)} ({o.Seconds:0.00} s)"
                    : $"[{_done}/{total}] FAIL {Name(o)}: {o.Error}");
            }
        }
    }

    public void Summary(IReadOnlyList<FigureOutcome> outcomes, double seconds, bool checking, string? rendererNote = null)
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
        }
        int made = outcomes.Count(o => o.Made), failed = outcomes.Count - made;
        int different = outcomes.Count(o => o.Check is { Passed: false });
        string line = $"{outcomes.Count} figures in {seconds:0.00} s: {made} made, {failed} failed";
        if (checking) line += $", {different} differ from their golden";
        int created = outcomes.Count(o => o.Status == CheckStatus.Created), updated = outcomes.Count(o => o.Status == CheckStatus.Updated);
        if (created + updated > 0) line += $"; --update created {created} and updated {updated}";
        stdout.WriteLine(line);
        if (rendererNote is not null) stdout.WriteLine(RegvizApp.OneLine(rendererNote)); // it quotes the recorded fingerprint: no terminal escapes
        foreach (var o in outcomes.Where(o => !o.Made))
            stdout.WriteLine($"  failed: {Name(o)} (line {o.Figure.Line}): {o.Error}");
    }

    /// <summary>The figure's out name, control characters escaped: a name from a manifest must not break a line.</summary>
    private static string Name(FigureOutcome o) => RegvizApp.OneLine(o.Figure.Out);
}
