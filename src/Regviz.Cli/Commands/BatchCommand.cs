using System.CommandLine;
using System.Diagnostics;
using Regviz.Cli.Batch;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz batch MANIFEST</c>: every figure of a post from one file, in parallel; with <c>--check</c> (golden images)
/// or <c>--hash-library</c> (hashes), a regression test, reported on stdout and, on request, as an HTML page, JUnit XML
/// and JSON. Exit 0 all good, 1 a difference or missing baseline, 2 a figure that could not be made.
/// </summary>
internal sealed class BatchCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly Argument<string?> _manifest = new("MANIFEST")
    {
        Description = "YAML (or JSON) manifest: optional 'defaults' words, and 'figures' each with 'out', 'args' and optionally 'tolerance'",
        Arity = ArgumentArity.ZeroOrOne, // required all the same: see ManifestAndMode
    };
    private readonly Option<string?> _outDir = new("--out", "-o") { Description = "Folder for the figures (default: the current directory; when checking, a temporary folder)", HelpName = "DIR" };
    private readonly Option<int> _jobs = new("--jobs", "-j") { Description = "Figures rendered at once", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
    private readonly Option<string?> _check = new("--check") { Description = "Compare every figure with the file of the same name in GOLDEN_DIR", HelpName = "GOLDEN_DIR" };
    private readonly Option<string?> _hashLibrary = new("--hash-library") { Description = "JSON of each figure's SHA-256 (pytest-mpl's format): a matching hash passes; with --check, a mismatch falls back to the image comparison", HelpName = "FILE" };
    private readonly Option<double> _tolerance = NumberOptions.Required("--tolerance", 0, "When checking: largest RMS (0–255 scale) that still passes, for figures without their own 'tolerance'", "T");
    private readonly Option<string?> _diff = new("--diff") { Description = "When checking: write a diff image for every figure that differs", HelpName = "DIR" };
    // a string, not a mode: the parser gives an option with an optional value the next word whatever it is, so in
    // "batch --check g --update m.yaml" the manifest arrives here and is handed back by ManifestAndMode
    private readonly Option<string?> _update = new("--update")
    {
        Description = "When checking: write baselines instead of failing: 'missing' only absent ones, 'changed' (the default) also those that fail, 'all' every one whose bytes differ; identical ones are never rewritten",
        HelpName = "missing|changed|all",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly Option<string?> _report = new("--report") { Description = "When checking: write an HTML report, DIR/index.html with the images it shows", HelpName = "DIR" };
    private readonly Option<string?> _junit = new("--junit") { Description = "When checking: write JUnit XML, one testcase per figure, for CI test views", HelpName = "FILE" };
    private readonly Option<string?> _summary = new("--summary") { Description = "When checking: write every figure's status, RMS and tolerances as JSON", HelpName = "FILE" };
    private readonly Option<string[]> _allowRead = new("--allow-read")
    {
        Description = "A folder the manifest's figures may also read from (--data, --style and its fonts); without it they read only inside the manifest's folder. Repeat for more",
        HelpName = "DIR",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<string[]> _only = new("--only")
    {
        Description = "Render only this figure of the manifest (its out name; repeat, or give a comma list, for more): with --check and --update changed, accepts that one change",
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<string?> _markdown = new("--markdown") { Description = "Write the post's snippet: every figure as ![alt text](path) with its caption beneath, paths relative to FILE's folder (the --out copies, or with --check and no --out the goldens)", HelpName = "FILE" };

    public static Command Create() => new BatchCommand().Build();

    private Command Build()
    {
        var command = new Command("batch", "Render many figures from one manifest; --check compares them with golden images") { _manifest };
        foreach (var option in new Option[] { _outDir, _jobs, _check, _hashLibrary, _tolerance, _diff, _update, _report, _junit, _summary, _markdown, _allowRead, _only })
            command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    /// <summary>The checked options. Checking means golden images, a hash library, or both.</summary>
    private sealed record Settings(string Manifest, int Jobs, double Tolerance, string? GoldenDir, string? HashLibrary, UpdateMode? Update, string? OutDir,
        string? DiffDir, string? ReportDir, string? JUnit, string? Summary, string? Markdown)
    {
        public bool Checking => GoldenDir is not null || HashLibrary is not null;

        /// <summary>--only: the out names to render (empty: all).</summary>
        public IReadOnlyList<string> Only { get; init; } = [];

        /// <summary>The --allow-read folders as typed: the accept command repeats them.</summary>
        public IReadOnlyList<string> AllowReadTyped { get; init; } = [];

        /// <summary>Folders besides the manifest's its figures may read (--allow-read), full paths.</summary>
        public IReadOnlyList<string> AllowRead { get; init; } = [];
    }

    /// <summary>Where the run will write, each destination checked (and confined) before any figure is rendered.</summary>
    private sealed record Destinations(ReportFolder? Report, string? JUnit, string? Summary, string? HashLibrary, string? Fingerprint, string? Markdown);

    private int Run(ParseResult result)
    {
        var settings = CheckOptions(result);
        string manifestPath = settings.Manifest;
        var manifest = FigureSelection.Only(Manifest.Load(manifestPath), settings.Only);
        var hashes = settings.HashLibrary is { } lib ? HashLibrary.Open(lib, mayBeMissing: settings.Update is not null) : null;
        string? baselines = settings.GoldenDir ?? (settings.HashLibrary is { } h ? FolderOf(h) : null);
        var recorded = baselines is not null ? GoldenFingerprint.Load(baselines) : null;
        string manifestFolder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        OutputClashes.Refuse(manifestPath, manifest, settings.OutDir ?? (settings.Checking ? null : "."), settings.GoldenDir, settings.ReportDir,
            [(settings.JUnit, "--junit"), (settings.Summary, "--summary"), (settings.Markdown, "--markdown"), (settings.Update is not null ? settings.HashLibrary : null, "--hash-library")]);
        string? temp = null;
        string dir = settings.OutDir ?? (settings.Checking ? temp = TempFiles.CreateFolder("regviz-batch-") : ".");
        try
        {
            var destinations = Prepare(settings, baselines, () =>
            {
                BatchFolders.Create(dir, "--out");
                if (settings.DiffDir is { } diffDir) BatchFolders.Create(diffDir, "--diff");
                if (settings.Update is not null && settings.GoldenDir is { } golden) BatchFolders.Create(golden, "--check");
            });
            var check = settings.Checking
                ? new CheckRequest(settings.GoldenDir, hashes, settings.Tolerance, settings.DiffDir, settings.Update, destinations.Report, KeepsResults: temp is null)
                {
                    RendererDifferences = new RendererCheck(GoldenFingerprint.Running, recorded).Differences,
                }
                : null;
            // the snippet links the figures where they stay: --out (or the current folder), else the goldens they were checked against
            string images = temp is null ? dir : settings.GoldenDir!;
            if (destinations.Markdown is { } markdown) NotAFigure(markdown, manifest, dir, settings.Update is not null ? settings.GoldenDir : null);
            return Render(result, settings, manifest, manifestPath, manifestFolder, dir, check, destinations, recorded, images);
        }
        finally
        {
            if (temp is not null) TempFiles.DeleteFolder(temp);
        }
    }

    /// <summary>Every option is checked before the manifest is read; folders too, so an existing file given as a folder is refused, not crashed on.</summary>
    private Settings CheckOptions(ParseResult result)
    {
        int jobs = result.GetValue(_jobs);
        if (jobs < 1 || jobs > 256) throw new InputException($"--jobs: {jobs} is outside 1..256");
        double tolerance = result.GetValue(_tolerance);
        if (tolerance < 0) throw new InputException($"--tolerance: {RegularisationForm.RoundTrip(tolerance)} must be ≥ 0");
        string? golden = result.GetValue(_check);
        string? library = result.GetValue(_hashLibrary);
        var (manifest, update) = ManifestAndMode(result);
        bool checking = golden is not null || library is not null;
        foreach (var (option, given) in new[] { ("--update", update is not null), ("--report", result.GetValue(_report) is not null), ("--junit", result.GetValue(_junit) is not null), ("--summary", result.GetValue(_summary) is not null) })
            if (given && !checking)
                throw new InputException($"{option} goes with --check GOLDEN_DIR or --hash-library FILE (it reports on, or writes, their baselines)");
        if (golden is not null) OutputCheck.CheckFolder(golden, "--check");
        if (golden is not null && update is null && !Directory.Exists(golden))
            throw new InputException($"--check: golden folder '{golden}' does not exist (create it with --check {golden} --update)");
        if (library is not null) OutputCheck.CheckName(library, "--hash-library");
        string? outDir = result.GetValue(_outDir);
        if (outDir is not null) OutputCheck.CheckFolder(outDir, "--out");
        string? diffDir = result.GetValue(_diff);
        if (diffDir is not null) OutputCheck.CheckFolder(diffDir, "--diff");
        string? report = result.GetValue(_report);
        if (report is not null) OutputCheck.CheckFolder(report, "--report");
        string? junit = FileOption(result.GetValue(_junit), "--junit"), summary = FileOption(result.GetValue(_summary), "--summary");
        string? markdown = FileOption(result.GetValue(_markdown), "--markdown");
        // the snippet links files that outlive the run: a check with hashes alone renders into a temporary folder
        if (markdown is not null && outDir is null && golden is null && library is not null)
            throw new InputException("--markdown: a --hash-library check without --out keeps no images to link; give --out DIR");
        string[] only = result.GetValue(_only) ?? [];
        // the snippet is every figure of the post: one written from a few would replace the whole
        if (only.Length > 0 && markdown is not null) throw new InputException("--markdown writes every figure's snippet: it does not go with --only");
        return new Settings(manifest, jobs, tolerance, golden, library, update, outDir, diffDir, report, junit, summary, markdown)
        {
            AllowRead = AllowedFolders(result.GetValue(_allowRead) ?? []),
            AllowReadTyped = result.GetValue(_allowRead) ?? [],
            Only = only,
        };
    }

    /// <summary>The manifest, and the --update mode (null without --update; a bare --update is 'changed').</summary>
    private (string Manifest, UpdateMode? Update) ManifestAndMode(ParseResult result)
    {
        string? manifest = result.GetValue(_manifest);
        if (result.GetResult(_update) is null)
            return (manifest ?? throw new InputException("batch: no MANIFEST given"), null);
        string? word = result.GetValue(_update);
        if (word is null) return (manifest ?? throw new InputException("batch: no MANIFEST given"), UpdateMode.Changed);
        if (UpdateModes.Parse(word) is { } mode) return (manifest ?? throw new InputException("batch: no MANIFEST given"), mode);
        if (manifest is null) return (word, UpdateMode.Changed);
        string near = Errors.Suggestions.Nearest(word, UpdateModes.Words) is { } n ? $"did you mean '{n}'? " : "";
        throw new InputException($"--update: '{Excerpt.Of(RegvizApp.OneLine(word))}' is not a mode ({near}valid: {string.Join(", ", UpdateModes.Words)})");
    }

    private static string? FileOption(string? path, string option)
    {
        if (path is null) return null;
        if (path == "-") throw new InputException($"{option}: give a file name (standard output carries the summary)");
        OutputCheck.CheckName(path, option);
        return path;
    }

    /// <summary>
    /// The run's own files, checked before any work. Each is confined to its folder: the folder is the CI author's
    /// choice, but what is in it may come from the pull request, and a committed link named junit.xml must not lead the
    /// write elsewhere.
    /// </summary>
    private static Destinations Prepare(Settings s, string? baselines, Action createFolders)
    {
        // the files that need no new folder first: a refusal there leaves nothing behind. A file whose folder is the
        // --out folder this run creates (batch --out o --markdown o/post.md) is prepared once that folder exists.
        bool InNewOut(string path) => s.OutDir is { } o && !Directory.Exists(o) && FolderOf(path) == Path.GetFullPath(o).TrimEnd(Path.DirectorySeparatorChar);
        string? Early(string? path, string option) => path is not null && !InNewOut(path) ? Beside(path, option) : null;
        string? Late(string? early, string? path, string option) => early ?? (path is not null ? Beside(path, option) : null);
        string? libraryPath = s.Update is not null ? s.HashLibrary : null;
        string? junit = Early(s.JUnit, "--junit"), summary = Early(s.Summary, "--summary");
        string? library = Early(libraryPath, "--hash-library"), markdown = Early(s.Markdown, "--markdown");
        DistinctFiles([(junit, "--junit"), (summary, "--summary"), (library, "--hash-library"), (markdown, "--markdown")]);
        createFolders();
        junit = Late(junit, s.JUnit, "--junit");
        summary = Late(summary, s.Summary, "--summary");
        library = Late(library, libraryPath, "--hash-library");
        markdown = Late(markdown, s.Markdown, "--markdown");
        var files = new[] { (junit, "--junit"), (summary, "--summary"), (library, "--hash-library"), (markdown, "--markdown") };
        DistinctFiles(files);
        string? fingerprint = s.Update is not null && baselines is not null ? GoldenFingerprint.Prepare(baselines) : null;
        var report = s.ReportDir is { } dir ? ReportFolder.Prepare(dir) : null;
        if (report is not null)
            foreach (var (file, option) in files)
                OutputTargets.Distinct(report.Index, "--report", file, option);
        return new Destinations(report, junit, summary, library, fingerprint, markdown);
    }

    private static void DistinctFiles((string? Path, string Option)[] files)
    {
        for (int a = 0; a < files.Length; a++)
            for (int b = a + 1; b < files.Length; b++)
                if (files[a].Path is { } first) OutputTargets.Distinct(first, files[a].Option, files[b].Path, files[b].Option);
    }

    private static string Beside(string path, string option)
    {
        string folder = FolderOf(path);
        if (FileKinds.Of(folder) == FileKind.Missing) throw new InputException($"{option}: the folder of '{path}' does not exist");
        return OutputTargets.Inside(folder).Prepare(Path.GetFileName(Path.GetFullPath(path)), option);
    }

    /// <summary>Refuses a --markdown file that a figure (or, with --update, its golden) would be written over.</summary>
    private static void NotAFigure(string markdown, Manifest manifest, string dir, string? goldenDir)
    {
        string target = Path.GetFullPath(markdown);
        foreach (var f in manifest.Figures)
        {
            if (OutputTargets.Escapes(f.Out)) continue; // refused as a figure anyway
            foreach (string folder in goldenDir is null ? [dir] : new[] { dir, goldenDir })
            {
                string written;
                try { written = Path.GetFullPath(Path.Combine(folder, f.Out)); }
                catch (ArgumentException) { continue; } // a name no file can have: that figure fails on its own
                if (string.Equals(written, target, StringComparison.OrdinalIgnoreCase))
                    throw new InputException($"--markdown: '{markdown}' is where the figure '{Excerpt.Of(f.Out)}' (manifest line {f.Line}) goes");
            }
        }
    }

    private static string FolderOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;

    /// <summary>The --allow-read folders, each an existing folder (a typo would silently confine nothing more).</summary>
    private static string[] AllowedFolders(string[] folders)
    {
        foreach (string folder in folders)
            if (FileKinds.Of(folder) != FileKind.Folder) throw new InputException($"--allow-read: '{folder}' is not a folder");
        return folders.Select(Path.GetFullPath).ToArray();
    }

    private static int Render(ParseResult result, Settings settings, Manifest manifest, string manifestPath, string manifestFolder, string dir,
        CheckRequest? check, Destinations destinations, IReadOnlyList<KeyValuePair<string, string>>? recorded, string images)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var report = new BatchReport(stdout, stderr, terminal, manifest.Figures.Count);
        var request = new BatchRequest(manifest, manifestFolder, dir, settings.Jobs, check)
        {
            KeepsDescriptions = destinations.Markdown is not null,
            AllowRead = settings.AllowRead,
        };
        var outcomes = BatchRunner.Run(request, report);
        CheckRun? run = null;
        if (check is not null)
        {
            if (destinations.HashLibrary is { } library) check.Hashes!.Save(library);
            if (destinations.Fingerprint is { } fingerprint) GoldenFingerprint.Save(fingerprint, recorded);
            run = new CheckRun(manifestPath, outcomes, clock.Elapsed.TotalSeconds, started, settings.Tolerance, settings.GoldenDir, settings.HashLibrary,
                settings.Update, new RendererCheck(GoldenFingerprint.Running, recorded))
            {
                Accept = new AcceptCommand(manifestPath, settings.GoldenDir, settings.HashLibrary, settings.AllowReadTyped),
            };
            if (destinations.Report is { } folder) HtmlReport.Write(run, folder);
            if (destinations.JUnit is { } junit) JUnitReport.Write(run, junit);
            if (destinations.Summary is { } summary) JsonSummary.Write(run, summary);
        }
        report.Summary(outcomes, clock.Elapsed.TotalSeconds, check is not null, run?.RendererNote, run);
        var variable = RunContext.Of(result).Variable;
        if (GitHubActions.Enabled(variable)) GitHubActions.Report(stdout, variable, manifestPath, outcomes, run);
        var failed = outcomes.Where(o => !o.Made).ToList();
        // a snippet missing a figure would replace a whole one: it is written only when every figure was made
        if (failed.Count == 0 && destinations.Markdown is { } markdown) MarkdownSnippet.Write(outcomes, images, markdown);
        if (failed.Count > 0)
            throw new InputException($"{failed.Count} of {Text.Count(outcomes.Count, "figure")} could not be made (first: '{BatchReport.Name(failed[0])}', manifest line {failed[0].Figure.Line}: {failed[0].Error})"
                + (destinations.Markdown is not null ? "; --markdown not written" : ""));
        return outcomes.Any(o => o.Check is { Passed: false }) ? RegvizApp.Difference : RegvizApp.Ok;
    }
}
