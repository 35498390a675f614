using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Output;

/// <summary>
/// Every file a command writes is named through here, before any work: checked (<see cref="OutputCheck"/>), and
/// inside a batch confined to the batch's folder. A manifest comes from a pull request, so there every output
/// path is relative to that folder, '..' and absolute paths are refused, and the path must still lie inside the
/// folder after symbolic links are followed (a link committed inside it may point anywhere).
/// </summary>
internal static class OutputTargets
{
    private static readonly AsyncLocal<string?> Root = new();

    /// <summary>Until disposed, output paths on this flow of execution are relative to, and confined to, <paramref name="folder"/>.</summary>
    public static IDisposable ConfineTo(string folder)
    {
        string? previous = Root.Value;
        Root.Value = folder;
        return new Restore(previous);
    }

    /// <summary>True inside a batch figure: its inputs come from a manifest too.</summary>
    public static bool Confined => Root.Value is not null;

    /// <summary>The path to write <paramref name="path"/> (the value of <paramref name="option"/>) at; "-" (stdout) is returned as is.</summary>
    public static string Prepare(string path, string option)
    {
        if (path == "-") return path;
        OutputCheck.CheckName(path, option);
        if (Root.Value is { } root)
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

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Root.Value = previous;
    }
}
