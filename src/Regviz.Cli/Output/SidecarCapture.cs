namespace Regviz.Cli.Output;

/// <summary>
/// Hands a checking batch the sidecar of the figure it just ran, whatever the figure's own --json said: inside
/// <see cref="Open"/>, every JSON document written on this flow of execution (<see cref="JsonOut"/>) is also kept in
/// the holder, so the batch compares numbers without reading back a file a figure may have put anywhere in --out.
/// One holder per flow of execution, as <see cref="DescriptionCapture"/>.
/// </summary>
internal static class SidecarCapture
{
    private static readonly AsyncLocal<Holder?> Current = new();

    internal sealed class Holder
    {
        /// <summary>The last sidecar written (UTF-8 JSON); null when the figure wrote none.</summary>
        public byte[]? Json { get; set; }
    }

    public static IDisposable Open(Holder holder)
    {
        var previous = Current.Value;
        Current.Value = holder;
        return new Restore(previous);
    }

    public static void Written(ReadOnlySpan<byte> json)
    {
        if (Current.Value is { } holder) holder.Json = json.ToArray();
    }

    private sealed class Restore(Holder? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
