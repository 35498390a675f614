using System.Reflection;
using System.Security.Cryptography;

namespace Regviz.Plotting;

/// <summary>
/// What decides a figure's pixels besides the scene itself: the versions of ScottPlot, SkiaSharp (its managed
/// wrapper and the native library), HarfBuzzSharp, and the SHA-256 of each shipped font file. Kept beside golden
/// images, it lets a failed image check say whether the renderer moved since the goldens were made, as pytest-mpl
/// users do by naming hash libraries after their matplotlib and FreeType versions.
/// </summary>
public static class RendererFingerprint
{
    private static readonly Lazy<IReadOnlyList<KeyValuePair<string, string>>> Running = new(Measure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The running renderer, as component name and version (or <c>sha256:</c> hash for a font file), in a fixed
    /// order. Read once per process; the fonts are hashed from the files this process draws with.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Current => Running.Value;

    /// <summary>
    /// How <paramref name="recorded"/> (a fingerprint written earlier) differs from <paramref name="running"/>, one
    /// phrase per component, such as <c>ScottPlot 5.1.58 → 5.1.59</c>; empty when they agree. A component only one
    /// side knows is named as new or no longer recorded.
    /// </summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<KeyValuePair<string, string>> recorded, IReadOnlyList<KeyValuePair<string, string>> running)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(running);
        var before = recorded.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var differences = new List<string>();
        foreach (var (name, now) in running)
        {
            if (!before.Remove(name, out var then)) differences.Add($"{Short(name)} not recorded (now {Short(now)})");
            else if (then != now) differences.Add(now.StartsWith("sha256:", StringComparison.Ordinal) ? $"{Short(name)} changed" : $"{Short(name)} {Short(then)} → {Short(now)}");
        }
        foreach (var (name, then) in before) differences.Add($"{Short(name)} {Short(then)} no longer used");
        return differences;
    }

    // a recorded fingerprint may come from anyone (a pull request): a message quotes a short piece of each name and value
    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static IReadOnlyList<KeyValuePair<string, string>> Measure()
    {
        FontRegistry.EnsureRegistered();
        var components = new List<KeyValuePair<string, string>>
        {
            new("ScottPlot", VersionOf(typeof(ScottPlot.Plot).Assembly)),
            new("SkiaSharp", VersionOf(typeof(SkiaSharp.SKBitmap).Assembly)),
            new("libSkiaSharp", SkiaSharp.SkiaSharpVersion.Native.ToString()),
            new("HarfBuzzSharp", VersionOf(typeof(HarfBuzzSharp.Blob).Assembly)),
        };
        foreach (string font in FontRegistry.Files.Order(StringComparer.Ordinal))
            components.Add(new($"font {Path.GetFileName(font)}", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(font)))));
        return components.AsReadOnly();
    }

    /// <summary>The informational version without its build metadata: a commit hash after '+' moves with every build, the pixels do not.</summary>
    internal static string VersionOf(Assembly assembly)
    {
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (version is null) return "unknown";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
