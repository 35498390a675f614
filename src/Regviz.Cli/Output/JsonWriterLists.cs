using System.Text.Json;

namespace Regviz.Cli.Output;

/// <summary>Lists for the JSON regviz writes by hand that is not a sidecar: a page's data, a golden's record.</summary>
internal static class JsonWriterLists
{
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
