using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Regviz.Core.IO;

namespace Regviz.Cli.Output;

/// <summary>Writes a JSON document to a file (atomically) or, for "-", to standard output.</summary>
internal static class JsonOut
{
    public static void Write(string target, TextWriter stdout, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            try { body(writer); }
            catch (ArgumentException e) when (e.Message.Contains("infinity", StringComparison.OrdinalIgnoreCase))
            {
                // data near the limits of double precision (a cell of 1e-300 or 1e200) can overflow the result itself
                throw new Core.InputException("--json: a number of the result is not finite: the data's scale is beyond double precision (rescale the columns)");
            }
        }
        SidecarCapture.Written(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)); // a checking batch compares its numbers
        if (target == "-")
        {
            stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(target, buffer.ToArray());
    }

    public static void WriteNumbers(this Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
