using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>
/// Every sidecar double: written as System.Text.Json writes a double (shortest round-trip form), but an infinity or
/// NaN is refused with a <see cref="NonFiniteNumberException"/> before a byte of it is written, so the caller tells it
/// apart by type, not by the words of the writer's <see cref="ArgumentException"/>.
/// </summary>
internal sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value)) throw new NonFiniteNumberException();
        writer.WriteNumberValue(value);
    }
}
