using System.Text.RegularExpressions;
using Xunit;

namespace Regviz.Tests.Support;

/// <summary>Default names of figures drawn with options beyond the descriptive ones (a small --size and --grid, say).</summary>
internal static class DefaultName
{
    /// <summary>
    /// <paramref name="actual"/> is <paramref name="descriptive"/> with the eight-hex-digit suffix those other options
    /// add before the extension (contour-l1-lambda0.5-1a2b3c4d.png); returns it.
    /// </summary>
    public static string AssertSuffixed(string descriptive, string actual)
    {
        string stem = Path.GetFileNameWithoutExtension(descriptive), extension = Path.GetExtension(descriptive);
        Assert.Matches($"^{Regex.Escape(stem)}-[0-9a-f]{{8}}{Regex.Escape(extension)}$", actual);
        return actual;
    }
}
