using Xunit;

namespace Regviz.Tests.Support;

/// <summary>
/// The tests that set the process's current directory (to check default file names) share this collection, so xUnit
/// runs them one after another: the current directory is one per process, and two classes setting it in parallel
/// could leave one writing into the other's deleted scratch folder.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class CurrentDirectory
{
    public const string Collection = "current directory";
}
