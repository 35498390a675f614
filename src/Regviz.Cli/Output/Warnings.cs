namespace Regviz.Cli.Output;

/// <summary>Where a run's warnings go: each is one sentence, without the <c>warning:</c> word the sink adds where it prints.</summary>
internal interface IWarnings
{
    void Warn(string text);
}

/// <summary>A typed command's warnings: one <c>warning:</c> line each on stderr.</summary>
internal sealed class StderrWarnings(TextWriter stderr) : IWarnings
{
    public void Warn(string text) => stderr.WriteLine($"warning: {text}");
}
