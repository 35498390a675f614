namespace Regviz.Tests.Support;

/// <summary>A fresh temporary folder per test, deleted afterwards: where figure and CLI tests write their files.</summary>
public abstract class ScratchFolder : IDisposable
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory("regviz-test-").FullName;

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
