namespace Regviz.Cli.Batch;

/// <summary>
/// The command that accepts a failing figure: the same manifest, goldens (and hash library, and --allow-read folders:
/// the figure must render as it did), with --update changed limited to that figure by --only. Printed for a shell
/// (<see cref="ShellWords"/>): run as printed, it rewrites that one golden and the check then passes.
/// </summary>
internal sealed record AcceptCommand(string Manifest, string? GoldenDir, string? HashLibrary, IReadOnlyList<string> AllowRead)
{
    public string For(string figure)
    {
        var words = new List<string> { "regviz", "batch", Path(Manifest) };
        foreach (string folder in AllowRead) words.AddRange(["--allow-read", Path(folder)]);
        if (GoldenDir is not null) words.AddRange(["--check", Path(GoldenDir)]);
        if (HashLibrary is not null) words.AddRange(["--hash-library", Path(HashLibrary)]);
        // a name that starts with '-' would read as an option after a space
        words.AddRange(["--update", "changed", .. figure.StartsWith('-') ? new[] { $"--only={figure}" } : ["--only", figure]]);
        return ShellWords.Join(words);
    }

    /// <summary>A path that starts with '-' would read as an option: ./ keeps it a path.</summary>
    private static string Path(string path) => path.StartsWith('-') ? "./" + path : path;
}
