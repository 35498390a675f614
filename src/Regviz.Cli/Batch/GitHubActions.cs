using System.Text;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// On GitHub Actions (GITHUB_ACTIONS=true) a batch also speaks the runner's language: each figure that failed or
/// could not be made becomes an <c>::error file=MANIFEST,line=N,title=FIGURE::what changed</c> workflow command on
/// stdout (the pull request shows it on the manifest's line), and a Markdown table of the failures is appended to the
/// file GITHUB_STEP_SUMMARY names (the job's summary page). Everything from a manifest is escaped by GitHub's rules
/// first (% CR LF, and in properties : and , too), then by <see cref="SafeText"/>; the summary is bounded.
/// </summary>
internal static class GitHubActions
{
    /// <summary>The most failures annotated or tabulated: GitHub shows ten annotations per step anyway, and a page is read, not scrolled.</summary>
    public const int MaxFigures = 100;

    /// <summary>The most bytes appended to the step summary (GitHub's own limit is 1 MiB per step).</summary>
    public const int MaxSummaryBytes = 64 * 1024;

    /// <summary>Whether the run is on GitHub Actions, by the environment <paramref name="variable"/> reads (the run's: <see cref="Output.RunContext.Variable"/>).</summary>
    public static bool Enabled(Func<string, string?> variable) => variable("GITHUB_ACTIONS") == "true";

    public static void Report(TextWriter stdout, Func<string, string?> variable, string manifest, IReadOnlyList<FigureOutcome> outcomes, CheckRun? run)
    {
        var failures = outcomes.Where(o => o.Status is CheckStatus.Error or CheckStatus.Failed or CheckStatus.Missing).OrderBy(o => o.Index).ToList();
        manifest = InWorkspace(manifest, variable);
        foreach (var o in failures.Take(MaxFigures))
            stdout.WriteLine(Annotation(manifest, o, run));
        if (failures.Count > MaxFigures)
            stdout.WriteLine($"::warning::{Data($"{failures.Count - MaxFigures} more figures failed: the report and the JUnit file list them all")}");
        if (variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            try { AppendTo(summary, Summary(manifest, outcomes, failures, run)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InputException)
            {
                stdout.WriteLine($"::warning::{Data($"the step summary was not written: {e.Message}")}");
            }
        }
    }

    /// <summary>The manifest as GitHub places annotations: relative to the checkout (GITHUB_WORKSPACE) when it lies inside it.</summary>
    private static string InWorkspace(string manifest, Func<string, string?> variable)
    {
        if (variable("GITHUB_WORKSPACE") is not { Length: > 0 } workspace) return manifest;
        string full = Path.GetFullPath(manifest), root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspace));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/')
            : manifest;
    }

    /// <summary>One workflow command: the manifest and the figure's line, the figure as its title, then what changed and how to accept it.</summary>
    internal static string Annotation(string manifest, FigureOutcome o, CheckRun? run)
    {
        string message = WhatChanged(o);
        if (run?.AcceptFor(o) is { } accept) message += $"\naccept with: {accept}";
        return $"::error file={Property(manifest)},line={o.Figure.Line},title={Property(o.Figure.Out)}::{Data(message)}";
    }

    private static string WhatChanged(FigureOutcome o) => o.Made ? o.Check?.Verdict ?? "made" : $"could not be made: {o.Error}";

    /// <summary>A message: GitHub's escapes for %, CR and LF, then every other hidden character made visible.</summary>
    internal static string Data(string text) =>
        SafeText.Display(text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"), ReportText.MaxChars);

    /// <summary>A property value (file, title): as <see cref="Data"/>, and ':' and ',' too, which end a property.</summary>
    internal static string Property(string text) =>
        SafeText.Display(text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").Replace(":", "%3A").Replace(",", "%2C"), SafeText.MaxName);

    internal static string Summary(string manifest, IReadOnlyList<FigureOutcome> outcomes, IReadOnlyList<FigureOutcome> failures, CheckRun? run)
    {
        var b = new StringBuilder();
        b.Append("### regviz batch ").Append(Cell(manifest)).Append('\n').Append('\n');
        int passed = outcomes.Count - failures.Count;
        b.Append(failures.Count == 0 ? $"All {Text.Count(outcomes.Count, "figure")} passed.\n" : $"{failures.Count} of {Text.Count(outcomes.Count, "figure")} failed, {passed} passed.\n");
        if (run?.RendererNote is { } note) b.Append('\n').Append(Cell(note)).Append('\n');
        if (failures.Count == 0) return b.ToString();
        b.Append("\n| figure | line | what changed | accept with |\n| --- | ---: | --- | --- |\n");
        int shown = 0;
        foreach (var o in failures)
        {
            var row = new StringBuilder().Append("| ").Append(Cell(o.Figure.Out)).Append(" | ").Append(o.Figure.Line).Append(" | ")
                .Append(Cell(WhatChanged(o))).Append(" | ").Append(run?.AcceptFor(o) is { } accept ? Code(accept) : "").Append(" |\n");
            if (shown >= MaxFigures || b.Length + row.Length > MaxSummaryBytes - 200) break;
            b.Append(row);
            shown++;
        }
        if (shown < failures.Count) b.Append('\n').Append(failures.Count - shown).Append(" more failures: the report and the JUnit file list them all.\n");
        return b.ToString();
    }

    /// <summary>
    /// Text in a table cell: ASCII punctuation backslash-escaped (so a name is never a link, an image or a column break),
    /// newlines as &lt;br&gt;, hidden characters visible, cut.
    /// </summary>
    internal static string Cell(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join("<br>", lines.Select(line =>
        {
            var b = new StringBuilder(line.Length + 16);
            foreach (char c in ReportText.Printable(line, 1000))
            {
                if (c < 0x80 && (char.IsPunctuation(c) || char.IsSymbol(c))) b.Append('\\');
                b.Append(c);
            }
            return b.ToString();
        }).Take(20));
    }

    /// <summary>A command as a code span: fenced by one more backtick than it holds in a row; a '|' escaped, as a table needs even there.</summary>
    internal static string Code(string command)
    {
        int run = 0, longest = 0;
        foreach (char c in command) longest = Math.Max(longest, run = c == '`' ? run + 1 : 0);
        string fence = new('`', longest + 1);
        return $"{fence} {command.Replace("|", "\\|")} {fence}";
    }

    /// <summary>Appends, as GitHub asks: the file is the runner's, shared by the job's steps.</summary>
    private static void AppendTo(string path, string markdown)
    {
        if (FileKinds.Of(path) is FileKind.Folder or FileKind.Special) throw new InputException($"'{path}' is not a regular file");
        File.AppendAllText(path, markdown + "\n", new UTF8Encoding(false));
    }
}
