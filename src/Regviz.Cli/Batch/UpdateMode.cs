namespace Regviz.Cli.Batch;

/// <summary>
/// Which baselines --update writes, as Playwright's updateSnapshots: Missing only creates absent ones; Changed also
/// replaces those that fail the check; All replaces every one whose bytes differ from the new render, including those
/// within tolerance. None of them rewrites a byte-identical golden, so its modification time stays as it was.
/// </summary>
internal enum UpdateMode { Missing, Changed, All }

internal static class UpdateModes
{
    public static readonly string[] Words = ["missing", "changed", "all"];

    public static UpdateMode? Parse(string word) => word switch
    {
        "missing" => UpdateMode.Missing,
        "changed" => UpdateMode.Changed,
        "all" => UpdateMode.All,
        _ => null,
    };

    /// <summary>Whether a golden image (or hash entry) in state <paramref name="status"/> is written.</summary>
    public static bool Writes(this UpdateMode mode, CheckStatus status, bool bytesDiffer) => status switch
    {
        CheckStatus.Missing => true,
        CheckStatus.Failed => mode is not UpdateMode.Missing,
        _ => mode is UpdateMode.All && bytesDiffer,
    };
}
