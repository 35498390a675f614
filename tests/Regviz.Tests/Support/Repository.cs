namespace Regviz.Tests.Support;

/// <summary>
/// The repository the tests run from, found by walking up from the test assembly to RegularizationDemo.sln.
/// (Not [CallerFilePath]: deterministic CI builds map source paths to "/_/", which is no folder at all.)
/// </summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RegularizationDemo.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no RegularizationDemo.sln above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
