using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// The --report folder: index.html and, under images/, the pictures it shows. Image names are made here from the
/// figure's place in the manifest, never from its out name, so no name from a manifest reaches the file system; and
/// every file is confined to the folder, because the folder may be in a checkout that a pull request filled with links.
/// </summary>
internal sealed class ReportFolder
{
    public const string Images = "images";
    private const string Option = "--report";

    private ReportFolder(string dir, string index)
    {
        Dir = dir;
        Index = index;
        _root = Path.TrimEndingDirectorySeparator(RealPath.Resolve(dir)) + Path.DirectorySeparatorChar;
    }

    /// <summary>The folder with its links resolved, once: every image is checked against it.</summary>
    private readonly string _root;

    public string Dir { get; }

    /// <summary>The checked destination of index.html.</summary>
    public string Index { get; }

    /// <summary>Creates the folder and checks, before any work, that index.html and images/ can be written inside it.</summary>
    public static ReportFolder Prepare(string dir)
    {
        BatchFolders.Create(dir, Option);
        var inside = OutputTargets.Inside(dir);
        string index = inside.Prepare("index.html", Option);
        inside.Prepare($"{Images}/{NameOf(0, "result", ".png")}", Option);
        return new ReportFolder(dir, index);
    }

    /// <summary>
    /// Writes a figure's pictures: its result always, the golden only when it differs from the result and decodes as
    /// an image (an SVG or a file that is not an image may hold script), the diff when there is one.
    /// </summary>
    public ReportImages Save(int index, string extension, byte[] actual, byte[]? golden, byte[]? diff, (int Width, int Height) size)
    {
        string result = Write(index, "result", extension, actual);
        string? goldenFile = golden is null ? null : Write(index, "golden", extension, golden);
        string? diffFile = diff is null ? null : Write(index, "diff", ".png", diff);
        return new ReportImages(goldenFile, result, diffFile, size.Width, size.Height);
    }

    /// <summary>The path of a report image as the user can open it (the folder as given, then the image's relative name).</summary>
    public string PathOf(string relative) => Path.Combine(Dir, relative);

    /// <summary>
    /// Writes one image, confined to the folder. Not through <see cref="OutputTargets.Prepare"/> per image, and not
    /// flushed to disk: on a 500-figure check those two (a probe file created and deleted, an fsync) tripled the
    /// report's share of the time, and <see cref="Prepare"/> has already probed images/ once. The name is ours; what
    /// is at it may not be (a committed link or FIFO), so it must be nothing or a regular file inside the folder.
    /// </summary>
    private string Write(int index, string role, string extension, byte[] bytes)
    {
        string relative = $"{Images}/{NameOf(index, role, extension)}";
        string path = RealPath.Resolve(Path.Combine(Dir, relative));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
            throw new InputException($"{Option}: '{relative}' leads outside the report folder through a symbolic link");
        if (FileKinds.Of(path) is FileKind.Folder or FileKind.Special)
            throw new InputException($"{Option}: '{relative}' is not a regular file");
        AtomicFile.WriteAllBytes(path, bytes, flushToDisk: false);
        return relative;
    }

    private static string NameOf(int index, string role, string extension) => $"f{index + 1:00000}-{role}{extension}";
}
