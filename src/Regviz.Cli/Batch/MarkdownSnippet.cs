using System.Text;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// --markdown: what a writer pastes into a post, every figure of the manifest in its order as
/// <c>![alt](path)</c> with its caption beneath. The alt text and caption are the figure's own (the ones in its
/// PNG, SVG and sidecar); the path is relative to the markdown file's folder and percent-encoded, so a name with
/// spaces, parentheses or non-ASCII letters still links.
/// </summary>
internal static class MarkdownSnippet
{
    /// <summary>Writes the snippet for <paramref name="outcomes"/>, whose images are in <paramref name="imageFolder"/>, to <paramref name="target"/> (temporary file and rename).</summary>
    public static void Write(IReadOnlyList<FigureOutcome> outcomes, string imageFolder, string target)
    {
        string from = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var md = new StringBuilder();
        foreach (var o in outcomes)
        {
            var d = o.Description ?? throw new InvalidOperationException($"figure '{o.Figure.Out}' has no description"); // only made figures reach here
            if (md.Length > 0) md.Append('\n');
            md.Append("![").Append(Escape(d.Alt)).Append("](").Append(Link(from, Path.Combine(imageFolder, o.Figure.Out))).Append(")\n\n");
            md.Append(Escape(d.Caption)).Append('\n');
        }
        AtomicFile.WriteAllText(target, md.ToString());
    }

    /// <summary>The image's path from the markdown's folder, '/'-separated, each segment percent-encoded (RFC 3986 unreserved characters stay).</summary>
    internal static string Link(string fromFolder, string image)
    {
        string relative = Path.GetRelativePath(fromFolder, Path.GetFullPath(image));
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    /// <summary>
    /// Text as markdown shows it literally: the characters that would start emphasis, code, a link, an HTML tag or an
    /// entity are backslash-escaped (CommonMark allows it before any ASCII punctuation), and line breaks become spaces,
    /// as a blank line would end the image's brackets or split the caption. Characters that mean something only at
    /// the start of a line (#, >, a list's -) need nothing: every line starts with "![" or the caption's own first word.
    /// </summary>
    internal static string Escape(string text)
    {
        var b = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '&') b.Append('\\').Append(c);
            else if (c is '\n' or '\r') b.Append(' ');
            else b.Append(c);
        }
        return b.ToString();
    }
}
