using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Regviz.Core.Sidecars;

/// <summary>
/// Reads and writes regviz's sidecars (the <c>--json</c> files, <c>solve --json</c>, batch's <c>--summary</c>) as the
/// typed records of this namespace, with source-generated System.Text.Json (no reflection: trimming and Native AOT
/// safe). Written as the tool writes them: indented by two spaces, snake_case names, text unescaped but for what JSON
/// requires, numbers in their shortest round-trip form. docs/sidecar.schema.json is their JSON Schema.
/// </summary>
public static class Sidecar
{
    /// <summary>
    /// The serialiser options of every sidecar type (source-generated contracts, snake_case names, nullable
    /// annotations respected); for <see cref="JsonSerializer"/> or <c>JsonSchemaExporter</c>.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = MakeOptions();

    /// <summary>Writes <paramref name="value"/> to <paramref name="stream"/> as the tool writes it (no final newline).</summary>
    /// <exception cref="NonFiniteNumberException">A number of <paramref name="value"/> is infinite or NaN (JSON has neither).</exception>
    public static void Write<T>(Stream stream, T value) where T : class
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        JsonSerializer.Serialize(writer, value, TypeInfo<T>());
    }

    /// <summary>The bytes <see cref="Write{T}"/> writes.</summary>
    /// <exception cref="NonFiniteNumberException">A number of <paramref name="value"/> is infinite or NaN.</exception>
    public static byte[] ToBytes<T>(T value) where T : class
    {
        using var buffer = new MemoryStream();
        Write(buffer, value);
        return buffer.ToArray();
    }

    /// <summary>Reads a sidecar of type <typeparamref name="T"/> from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a <typeparamref name="T"/> (a required member missing, a wrong type).</exception>
    public static T Read<T>(ReadOnlySpan<byte> utf8Json) where T : class =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException($"the sidecar is null, not a {typeof(T).Name}");

    /// <summary>Reads a sidecar of type <typeparamref name="T"/> from a stream of UTF-8 JSON (a file: <c>File.OpenRead</c>).</summary>
    /// <exception cref="JsonException">The JSON is not a <typeparamref name="T"/>.</exception>
    public static T Read<T>(Stream utf8Json) where T : class =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException($"the sidecar is null, not a {typeof(T).Name}");

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a sidecar type");

    private static JsonSerializerOptions MakeOptions()
    {
        var options = new JsonSerializerOptions(SidecarJsonContext.Default.Options)
        {
            TypeInfoResolver = SidecarJsonContext.Default.WithAddedModifier(CertifiedAnswer.WrittenTogether),
            // the tool's text is for people: λ and ‖w‖ as they are, not \u escapes
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
