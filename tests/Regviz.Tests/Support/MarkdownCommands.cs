using System.Text;
using System.Text.RegularExpressions;

namespace Regviz.Tests.Support;

/// <summary>
/// The regviz command lines a Markdown file documents, so a test can run every one (docs/testing.md states the
/// convention). A line runs when it is in a fenced code block whose info string is sh, bash, shell or console and
/// does not say no-run, and it starts with <c>regviz </c> or <c>dotnet run --project src/Regviz.Cli -- </c> (read as
/// regviz). A trailing <c># comment</c> is dropped, a line ending in a backslash continues on the next, and a
/// leading <c>$ </c> prompt is ignored. Other lines of such a block (dotnet test, a cd) are not run.
/// </summary>
internal static partial class MarkdownCommands
{
    /// <summary>One documented command line: its words after "regviz" as the text has them, and where it is.</summary>
    public sealed record Documented(string Line, int LineNumber)
    {
        /// <summary>The shell syntax in it (a pipe, a redirection, a substitution, …), which the runner cannot run, or null.</summary>
        public string? ShellSyntax => ShellOperator(Line);
    }

    private const string DotnetRun = "dotnet run --project src/Regviz.Cli -- ";

    private static readonly string[] ShellBlocks = ["sh", "bash", "shell", "console"];

    [GeneratedRegex(@"^\s*(```+|~~~+)\s*(.*)$")]
    private static partial Regex Fence();

    public static IReadOnlyList<Documented> In(string markdown)
    {
        var found = new List<Documented>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        string? fence = null;
        bool runs = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Fence().Match(lines[i]);
            if (fence is null)
            {
                if (!m.Success) continue;
                fence = m.Groups[1].Value;
                var info = m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                runs = info.Length > 0 && ShellBlocks.Contains(info[0]) && !info.Contains("no-run");
                continue;
            }
            if (m.Success && m.Groups[1].Value.StartsWith(fence) && m.Groups[2].Value.Trim() == "")
            {
                fence = null;
                continue;
            }
            if (!runs) continue;
            int first = i;
            var line = new StringBuilder(lines[i]);
            while (line.ToString().TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                string joined = line.ToString().TrimEnd();
                line.Clear().Append(joined[..^1].TrimEnd()).Append(' ').Append(lines[++i].Trim());
            }
            string text = WithoutComment(line.ToString()).Trim();
            if (text.StartsWith("$ ")) text = text[2..].Trim();
            if (text.StartsWith(DotnetRun)) text = "regviz " + text[DotnetRun.Length..];
            if (text.StartsWith("regviz ") || text == "regviz") found.Add(new Documented(text, first + 1));
        }
        return found;
    }

    /// <summary>The line up to a <c>#</c> that starts a comment: one after white space, outside quotes.</summary>
    private static string WithoutComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    private static string? ShellOperator(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"') quote = c;
            else if (c is '|' or '>' or '<' or ';' or '&' or '`') return c.ToString();
            else if (c == '$' && i + 1 < line.Length && line[i + 1] is '(' or '{' || c == '$' && i + 1 < line.Length && char.IsLetter(line[i + 1])) return "$";
        }
        return null;
    }
}
