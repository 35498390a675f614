using Regviz.Plotting;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// Golden images live in tests/Regviz.Tests/Golden. A figure passes when its RMS difference from the golden
/// (matplotlib's definition, 0–255 scale) is at most <see cref="Tolerance"/>. To accept a deliberate change,
/// run the tests with REGVIZ_UPDATE_GOLDENS=1, look at every changed PNG, and commit them.
/// </summary>
internal static class Golden
{
    /// <summary>
    /// 1.0 of 255: the same build gives identical bytes (RMS 0), so this only absorbs anti-aliasing
    /// differences of another SkiaSharp build; a moved line or label is far above it.
    /// </summary>
    public const double Tolerance = 1.0;

    public static string Folder() => Support.Repository.Path("tests", "Regviz.Tests", "Golden");

    public static void AssertMatches(string name, byte[] actual)
    {
        string path = Path.Combine(Folder(), name);
        if (Environment.GetEnvironmentVariable("REGVIZ_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllBytes(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden {path} is missing; run with REGVIZ_UPDATE_GOLDENS=1 to create it, look at it, commit it");
        var e = ImageComparison.Decode(File.ReadAllBytes(path))!.Value;
        var a = ImageComparison.Decode(actual)!.Value;
        var diff = ImageComparison.Compare(e, a);
        Assert.False(diff.SizesDiffer, diff.SizeNote);
        if (diff.Rms > Tolerance)
        {
            string dump = Path.Combine(Path.GetTempPath(), "regviz-failed-" + name);
            File.WriteAllBytes(dump, actual);
            Assert.Fail($"{name}: RMS {diff.Rms:F3} > {Tolerance} ({diff.DifferentPixels} pixels differ); actual written to {dump}");
        }
    }
}
