using Regviz.Core;

namespace Regviz.Cli.Batch;

/// <summary>
/// Manifest words as the reports show them. A name from a pull request may hold control characters, lone surrogates
/// or a megabyte of text: XML cannot carry the first two at all (even escaped), a page should not carry the third.
/// Each becomes visible by the project's one policy (<see cref="SafeText"/>) and long text is cut, so every report is
/// well formed and bounded.
/// HTML and XML escaping of what is left is the writers' job.
/// </summary>
internal static class ReportText
{
    /// <summary>Longest manifest string a report shows whole: more than any real out name (255 bytes) or args line.</summary>
    public const int MaxChars = 2000;

    public static string Printable(string text, int max = MaxChars) => SafeText.Display(text, max);

    public static bool HasLoneSurrogate(string text) => SafeText.HasLoneSurrogate(text);
}
