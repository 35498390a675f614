using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// A batch's outputs must not land on what the run reads: <c>--out g</c> with <c>--check g</c> wrote each new figure
/// over its golden and then passed it, <c>--junit g/a.png</c> replaced a golden, <c>--summary m.yaml</c> the
/// manifest. Checked before any figure is rendered; paths are compared with symbolic links resolved and in NFC.
/// </summary>
internal static class OutputClashes
{
    /// <summary>Refuses the run when an output is the manifest, a golden, the golden folder, or a figure's own file.</summary>
    /// <param name="files">The run's own files (--junit, --summary, --markdown; --hash-library only where it is written) with their options.</param>
    public static void Refuse(string manifestPath, Manifest manifest, string? outDir, string? goldenDir, string? reportDir,
        IEnumerable<(string? Path, string Option)> files)
    {
        string manifestReal = Real(manifestPath);
        if (outDir is not null && goldenDir is not null && Real(outDir) == Real(goldenDir))
            throw new InputException($"--out: '{outDir}' is the golden folder of --check: the figures would replace their goldens");
        if (reportDir is not null && goldenDir is not null && RealPath.IsInside(reportDir, goldenDir))
            throw new InputException($"--report: '{reportDir}' is inside the golden folder of --check");
        var figures = manifest.Figures.Where(f => !OutputTargets.Escapes(f.Out) && !SafeText.HasLoneSurrogate(f.Out)).ToList();
        foreach (var (path, option) in files)
        {
            if (path is null) continue;
            string real = Real(path);
            if (real == manifestReal) throw new InputException($"{option}: '{path}' is the manifest");
            if (goldenDir is not null && option != "--hash-library" && RealPath.IsInside(path, goldenDir))
                throw new InputException($"{option}: '{path}' is inside the golden folder of --check");
            // --markdown against the figures is NotAFigure's (BatchCommand), with its own message
            foreach (var f in option == "--markdown" ? [] : figures)
            {
                if (outDir is not null && real == Real(Path.Combine(outDir, f.Out)))
                    throw new InputException($"{option}: '{path}' is where the figure on manifest line {f.Line} goes");
                if (goldenDir is not null && real == Real(Path.Combine(goldenDir, f.Out)))
                    throw new InputException($"{option}: '{path}' is the golden of the figure on manifest line {f.Line}");
            }
        }
        foreach (var f in figures)
            if (outDir is not null && Real(Path.Combine(outDir, f.Out)) == manifestReal)
                throw new InputException($"manifest line {f.Line}: the figure's out is the manifest itself");
    }

    private static string Real(string path)
    {
        try { return SafeText.Canonical(RealPath.Resolve(path)); }
        catch (ArgumentException) { return path; } // a name no file can have: refused where it is written
    }
}
