using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// Hands a batch the description of the figure it just ran (for <c>batch --markdown</c>) without a sidecar: the
/// figure command announces its description, and inside <see cref="Open"/> it lands in the holder instead of being
/// read back from a file. One holder per flow of execution, as <see cref="OutputTargets.ConfineTo"/>, so figures
/// rendered in parallel each keep their own.
/// </summary>
internal static class DescriptionCapture
{
    private static readonly AsyncLocal<Holder?> Current = new();

    /// <summary>What a figure said about itself; null until (unless) it was written.</summary>
    internal sealed class Holder
    {
        public FigureDescription? Description { get; set; }
    }

    /// <summary>Until disposed, a figure written on this flow of execution leaves its description in <paramref name="holder"/>.</summary>
    public static IDisposable Open(Holder holder)
    {
        var previous = Current.Value;
        Current.Value = holder;
        return new Restore(previous);
    }

    /// <summary>Called once a figure is written: its description, for a batch that asked.</summary>
    public static void Written(FigureDescription description)
    {
        if (Current.Value is { } holder) holder.Description = description;
    }

    private sealed class Restore(Holder? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
