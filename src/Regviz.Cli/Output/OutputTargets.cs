using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Output;

/// <summary>
/// Every file a command writes is named through here, before any work: checked (<see cref="OutputCheck"/>), and
/// inside a batch confined to the batch's folder. A manifest comes from a pull request, so there every output
/// path is relative to that folder, '..' and absolute paths are refused, and the path must still lie inside the
/// folder after symbolic links are followed (a link committed inside it may point anywhere). A run gets its
/// targets from its <see cref="RunContext"/>.
/// </summary>
internal sealed class OutputTargets
{
    private readonly string? _root;

    private OutputTargets(string? root) => _root = root;

    /// <summary>A typed command's: any path the user may write.</summary>
    public static OutputTargets Anywhere { get; } = new(null);

    /// <summary>Paths relative to, and confined to, <paramref name="folder"/>.</summary>
    public static OutputTargets Inside(string folder) => new(folder);

    /// <summary>The path to write <paramref name="path"/> (the value of <paramref name="option"/>) at; "-" (stdout) is returned as is.</summary>
    public string Prepare(string path, string option)
    {
        if (path == "-") return path;
        OutputCheck.CheckName(path, option);
        if (_root is { } root)
        {
            if (Escapes(path))
                throw new InputException($"{option}: '{path}' escapes the output folder (absolute paths and '..' are refused in a manifest)");
            string inside = Path.Combine(root, path);
            if (!RealPath.IsInside(inside, root))
                throw new InputException($"{option}: '{path}' leads outside the output folder through a symbolic link");
            try { TempFiles.CreateFolderForOutput(Path.GetDirectoryName(Path.GetFullPath(inside))!); }
            catch (IOException e) { throw new InputException($"{option}: cannot create the folder of '{path}' ({e.Message})"); }
            path = inside;
        }
        OutputCheck.Check(path, option);
        return path;
    }

    /// <summary>Refuses two outputs of one run that are the same file (the second would replace the first).</summary>
    public static void Distinct(string first, string firstOption, string? second, string secondOption)
    {
        if (second is null or "-") return;
        if (RealPath.Resolve(first) == RealPath.Resolve(second))
            throw new InputException($"{secondOption}: '{second}' is the same file as {firstOption}");
    }

    public static bool Escapes(string relative) =>
        Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains("..");
}
