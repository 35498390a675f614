namespace Regviz.Core.IO;

/// <summary>
/// Reads on behalf of a manifest stay inside its folder. A manifest comes from a pull request: without this its
/// <c>--data /etc/shadow</c> was read, and the error quoted the file's first line into a public CI log. While a
/// confinement is entered (on this flow of execution: a batch figure), every file a figure reads must resolve,
/// symbolic links followed, inside one of the allowed folders (the manifest's, and those of <c>--allow-read</c>), must
/// be a regular file (a FIFO would block the batch), and no error quotes what was read (<see cref="Excerpt.Content"/>).
/// </summary>
public static class ReadConfinement
{
    private static readonly AsyncLocal<string[]?> Allowed = new();

    /// <summary>True while reads are confined: error messages then quote no content of what was read.</summary>
    public static bool Active => Allowed.Value is not null;

    /// <summary>Until disposed, reads on this flow of execution must lie inside <paramref name="folders"/>.</summary>
    public static IDisposable Enter(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var previous = Allowed.Value;
        Allowed.Value = folders.ToArray();
        return new Restore(previous);
    }

    /// <summary>Refuses, while confined, a read of <paramref name="path"/> outside the allowed folders or of a file that is not regular; <paramref name="what"/> starts the message.</summary>
    public static void Check(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Allowed.Value is not { } folders) return;
        if (!folders.Any(f => RealPath.IsInside(path, f)))
            throw new InputException($"{what}: '{path}' is outside the manifest's folder (a manifest reads only inside it and the folders allowed for it)");
        if (FileKinds.Of(path) is FileKind.Special)
            throw new InputException($"{what}: '{path}' is not a regular file");
    }

    private sealed class Restore(string[]? previous) : IDisposable
    {
        public void Dispose() => Allowed.Value = previous;
    }
}
