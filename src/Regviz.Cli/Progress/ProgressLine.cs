using System.Diagnostics;
using System.Globalization;

namespace Regviz.Cli.Progress;

/// <summary>
/// "loss grid: 37%" on stderr while long work runs. Only work on course to take over a second shows it (so quick
/// runs, and their expected output, are unchanged), and only on the process's own stderr, which a person or a CI
/// log reads: on a terminal one line rewritten in place and erased when done, elsewhere a line every 10% (logs
/// do not understand carriage returns). Reports arrive in increasing order (the grid serialises them).
/// </summary>
internal sealed class ProgressLine : IProgress<double>, IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(0.5), Long = TimeSpan.FromSeconds(1), Refresh = TimeSpan.FromSeconds(0.1);

    private readonly TextWriter _error;
    private readonly string _label;
    private readonly bool _overwrite;
    private readonly Func<TimeSpan> _elapsed;
    private bool _shown, _erased;
    private int _percent = -1;
    private TimeSpan _written;
    private TimeSpan? _origin;

    internal ProgressLine(TextWriter error, string label, bool overwrite, Func<TimeSpan> elapsed)
    {
        (_error, _label, _overwrite, _elapsed) = (error, label, overwrite, elapsed);
    }

    /// <summary>A progress line on the process's stderr, or null when <paramref name="error"/> is another writer (tests, batch figures).</summary>
    public static ProgressLine? ForStderr(TextWriter error, string label)
    {
        if (!ReferenceEquals(error, Console.Error)) return null;
        var clock = Stopwatch.StartNew();
        return new ProgressLine(error, label, overwrite: !Console.IsErrorRedirected, () => clock.Elapsed);
    }

    public void Report(double fraction)
    {
        // timed from the first report, so the work before the grid (solving, reading) does not count towards it
        _origin ??= _elapsed();
        var now = _elapsed() - _origin.Value;
        // shown once the work has run half a second and is on course to take over a second in all
        if (!_shown && (fraction >= 1 || now < Grace || now < Long * fraction)) return;
        _shown = true;
        int percent = (int)(100 * Math.Clamp(fraction, 0, 1));
        if (_overwrite)
        {
            if (fraction >= 1) Erase();
            else if (percent != _percent && (_percent < 0 || now - _written >= Refresh)) Show($"\r{Text(percent)}", percent, now);
        }
        else if (_percent < 0 || percent / 10 > _percent / 10)
            Show(Text(percent) + Environment.NewLine, percent, now);
    }

    /// <summary>Erases an overwriting line still on screen (the work failed or was cancelled).</summary>
    public void Dispose() => Erase();

    private string Text(int percent) => string.Create(CultureInfo.InvariantCulture, $"{_label}: {percent}%");

    private void Show(string text, int percent, TimeSpan now)
    {
        (_percent, _written) = (percent, now);
        Write(text);
    }

    private void Write(string text)
    {
        _error.Write(text);
        _error.Flush();
    }

    private void Erase()
    {
        if (!_shown || !_overwrite || _erased) return;
        _erased = true;
        Write($"\r{new string(' ', Text(100).Length)}\r");
    }
}
