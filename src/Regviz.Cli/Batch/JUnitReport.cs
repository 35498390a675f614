using System.Globalization;
using System.Text;
using System.Xml;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// --junit: the check as JUnit XML, the one format every CI test view reads (GitHub through its test-report actions,
/// GitLab's junit artifacts, Azure DevOps' PublishTestResults, Jenkins' junit step). One testsuite for the manifest,
/// one testcase per figure (classname the manifest, name the out path); a failure for a difference or a missing
/// baseline, an error for a figure that could not be made. The shape is the intersection of the Ant and Jenkins schemas:
/// properties before testcases, the attributes both require, nothing either rejects.
/// </summary>
internal static class JUnitReport
{
    public static void Write(CheckRun run, string target)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
        using (var w = XmlWriter.Create(buffer, settings))
        {
            string suite = ReportText.Printable(run.ManifestPath);
            int failures = run.Count(CheckStatus.Failed) + run.Count(CheckStatus.Missing), errors = run.Count(CheckStatus.Error);
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "regviz batch --check");
            Counts(w, run, failures, errors);
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", suite);
            Counts(w, run, failures, errors);
            w.WriteAttributeString("timestamp", run.StartedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteAttributeString("hostname", Environment.MachineName is { Length: > 0 } host ? ReportText.Printable(host) : "localhost");
            Properties(w, run);
            foreach (var o in run.Outcomes) TestCase(w, run, suite, o);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(target, buffer.ToArray());
    }

    private static void Counts(XmlWriter w, CheckRun run, int failures, int errors)
    {
        w.WriteAttributeString("tests", run.Outcomes.Count.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("skipped", "0");
        w.WriteAttributeString("time", Seconds(run.Seconds));
    }

    private static void Properties(XmlWriter w, CheckRun run)
    {
        w.WriteStartElement("properties");
        void Property(string name, string value)
        {
            w.WriteStartElement("property");
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("value", ReportText.Printable(value));
            w.WriteEndElement();
        }
        if (run.GoldenDir is { } golden) Property("golden", golden);
        if (run.HashLibrary is { } library) Property("hash-library", library);
        Property("tolerance", RegularisationForm.RoundTrip(run.Tolerance));
        foreach (var (name, value) in run.Renderer.Running) Property($"renderer {name}", value);
        if (run.RendererNote is { } note) Property("renderer note", note);
        w.WriteEndElement();
    }

    private static void TestCase(XmlWriter w, CheckRun run, string suite, FigureOutcome o)
    {
        w.WriteStartElement("testcase");
        w.WriteAttributeString("name", ReportText.Printable(o.Figure.Out));
        w.WriteAttributeString("classname", suite);
        w.WriteAttributeString("time", Seconds(o.Seconds));
        var c = o.Check;
        switch (o.Status)
        {
            case CheckStatus.Error:
                Problem(w, "error", "not-made", $"could not be made: {o.Error}", $"manifest line {o.Figure.Line}: {ReportText.Printable(o.Error!)}\nargs: {ReportText.Printable(o.Figure.Args)}\n");
                break;
            case CheckStatus.Failed or CheckStatus.Missing:
                Problem(w, "failure", o.Status == CheckStatus.Missing ? "missing-baseline" : "image-difference", Message(c!), Details(run, o, c!));
                break;
            case CheckStatus.Created or CheckStatus.Updated:
                w.WriteElementString("system-out", ReportText.Printable(c!.Verdict));
                break;
        }
        // the figure's warnings where CI test views show a test's stderr
        if (o.Warnings.Count > 0)
            w.WriteElementString("system-err", string.Concat(o.Warnings.Select(line => $"warning: {ReportText.Printable(line)}\n")));
        w.WriteEndElement();
    }

    private static void Problem(XmlWriter w, string element, string type, string message, string body)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("message", ReportText.Printable(message));
        // newlines are the body's own; every manifest word in it went through Printable
        w.WriteString(body);
        w.WriteEndElement();
    }

    /// <summary>The verdict first (what changed in meaning, then the pixels), then the numbers of the comparison.</summary>
    private static string Message(CheckOutcome c) => c.Rms is { } rms && c.Status == CheckStatus.Failed
        ? $"{c.Verdict} (rms {rms.ToString("0.####", CultureInfo.InvariantCulture)} > tolerance {RegularisationForm.RoundTrip(c.Tolerance)})"
        : c.Verdict;

    private static string Details(CheckRun run, FigureOutcome o, CheckOutcome c)
    {
        var b = new StringBuilder();
        b.Append("manifest line ").Append(o.Figure.Line).Append(": ").AppendLine(ReportText.Printable(o.Figure.Args));
        if (c.Meaning is { } meaning)
            foreach (string line in meaning.Lines) b.Append("changed: ").AppendLine(ReportText.Printable(line));
        b.Append("verdict: ").AppendLine(ReportText.Printable(c.Verdict));
        b.Append("rms: ").AppendLine(c.Rms is { } rms ? RegularisationForm.RoundTrip(rms) : "-");
        b.Append("tolerance: ").AppendLine(RegularisationForm.RoundTrip(c.Tolerance));
        b.Append("passing tolerance: ").AppendLine(c.PassingTolerance is { } p ? RegularisationForm.RoundTrip(p) : "none (no image comparison)");
        b.Append("golden: ").AppendLine(c.Golden is { } g ? ReportText.Printable(g) : "none");
        b.Append("actual: ").AppendLine(c.Actual is { } a ? ReportText.Printable(a) : "not kept (give --out or --report)");
        b.Append("diff: ").AppendLine(c.Diff is { } d ? ReportText.Printable(d) : "none");
        if (run.RendererNote is { } note) b.AppendLine(ReportText.Printable(note)); // it quotes the recorded fingerprint, a file from the pull request
        if (run.AcceptFor(o) is { } accept) b.Append("accept with: ").AppendLine(ReportText.Printable(accept));
        return b.ToString();
    }

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);
}
