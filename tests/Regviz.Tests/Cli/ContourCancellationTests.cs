using System.CommandLine;
using Regviz.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>The contour command hands the invocation's token down to the loss grid.</summary>
public class ContourCancellationTests : ScratchFolder
{
    [Fact]
    public async Task ACancelledInvocationStopsWithOperationCanceledAndWritesNothing()
    {
        string output = Path.Combine(Dir, "cancelled.png");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var parsed = RegvizApp.CreateRoot().Parse(["contour", "--loss", "logistic", "--out", output]);
        var configuration = new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter(), EnableDefaultExceptionHandler = false };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => parsed.InvokeAsync(configuration, cancel.Token));
        Assert.False(File.Exists(output));
    }
}
