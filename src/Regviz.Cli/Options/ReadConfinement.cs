using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Options;

/// <summary>
/// Reads on behalf of a manifest stay inside its folder. A manifest comes from a pull request: without this its
/// <c>--data /etc/shadow</c> was read, and the error quoted the file's first line into a public CI log. Inside a
/// confinement (a batch figure's <see cref="Output.RunContext"/>), every file a figure reads must resolve, symbolic links
/// followed, inside one of the allowed folders (the manifest's, and those of <c>--allow-read</c>), must be a regular
/// file (a FIFO would block the batch), and no error quotes what was read (<see cref="Quote"/>).
/// </summary>
internal sealed class ReadConfinement
{
    private readonly string[]? _folders;

    private ReadConfinement(string[]? folders) => _folders = folders;

    /// <summary>A typed command's: any file the user may read, quoted in errors.</summary>
    public static ReadConfinement None { get; } = new(null);

    /// <summary>Reads inside <paramref name="folders"/> only, never quoted.</summary>
    public static ReadConfinement To(IReadOnlyList<string> folders) => new([.. folders]);

    /// <summary>Whether errors may quote what was read (a cell, a column name, a key): not while confined.</summary>
    public bool Quote => _folders is null;

    /// <summary>Refuses, while confined, a read of <paramref name="path"/> outside the allowed folders or of a file that is not regular; <paramref name="what"/> starts the message.</summary>
    public void Check(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_folders is not { } folders) return;
        if (!folders.Any(f => RealPath.IsInside(path, f)))
            throw new InputException($"{what}: '{path}' is outside the manifest's folder (a manifest reads only inside it and the folders allowed for it)");
        if (FileKinds.Of(path) is FileKind.Special)
            throw new InputException($"{what}: '{path}' is not a regular file");
    }
}
