namespace Regviz.Cli.Help;

/// <summary>
/// Two to four real command lines for each command's --help, shown after its options. Every one is run by the test
/// suite (HelpExampleTests) from a folder holding samples/data, so an example that stops working fails a test.
/// </summary>
internal static class CommandExamples
{
    /// <summary>Command name ("" for regviz itself) → its examples, each a whole command line.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByCommand = new Dictionary<string, string[]>
    {
        [""] =
        [
            "regviz contour --norm lasso --lambda 0.5",
            "regviz norm --norm l1,l2",
            "regviz contour --help",
        ],
        ["contour"] =
        [
            "regviz contour --norm lasso --lambda 0.5",
            "regviz contour --norm ridge --radius 1 --path",
            "regviz contour --norm l1,l2 --radius 1 --clean",
            "regviz contour --data samples/data/diabetes.csv --features bmi,s5 --intercept --lambda 0.1",
        ],
        ["animate"] =
        [
            "regviz animate --norm l1",
            "regviz animate --norm l2 --sweep radius --frames 30 --size 400",
            "regviz animate --norm lasso --trace ista --steps 20 --size 400",
            "regviz animate --rotate 360 --figure ball --norm l1 --size 400",
        ],
        ["explore"] =
        [
            "regviz explore --norm l1,l2",
            "regviz explore --norm l2 --frames 12 --size 400",
            "regviz explore --norm lasso --sweep radius --frames 12 --size 400",
        ],
        ["norm"] =
        [
            "regviz norm --norm l1",
            "regviz norm --norm lp --p 4,2,1,0.5 --level 1 --fill",
            "regviz norm --norm l1,l2,elasticnet --overlay --level 1",
        ],
        ["path"] =
        [
            "regviz path --data samples/data/diabetes.csv --intercept",
            "regviz path --norm enet --alpha 0.5 --xvar norm",
        ],
        ["solve"] =
        [
            "regviz solve --norm lasso --lambda 0.5",
            "regviz solve --data samples/data/diabetes.csv --intercept --lambda 0.1 --json -",
        ],
        ["sparsity"] =
        [
            "regviz sparsity --trials 2000",
            "regviz sparsity --norms lasso,ridge --lambda 0.5 --seed 7",
        ],
        ["shrink"] =
        [
            "regviz shrink --norm l1,l2,l0",
            "regviz shrink --norm l1,l2,l0 --objective 1.2",
        ],
        ["ball"] =
        [
            "regviz ball --norm l1,l2,linf",
            "regviz ball --norm group --groups 1,2:3 --view 35,25",
            "regviz ball --norm l1 --out ball.pdf",
        ],
        ["surface"] =
        [
            "regviz surface --norm l1 --lambda 0.5",
            "regviz surface --norm l1 --radius 1 --size 4inx4in --dpi 150",
        ],
        ["compare"] =
        [
            "regviz compare expected.png actual.png",
            "regviz compare expected.png actual.png --tolerance 1 --diff diff.png",
        ],
        ["batch"] =
        [
            "regviz batch figures.yaml --out figures",
            "regviz batch figures.yaml --out today --check figures --tolerance 1",
        ],
        ["completion"] =
        [
            "regviz completion bash",
            "regviz completion zsh",
            "regviz completion fish",
        ],
    };

    /// <summary>The "Examples:" section for <paramref name="command"/>, or nothing for a command without examples.</summary>
    public static void Write(TextWriter output, string command)
    {
        if (!ByCommand.TryGetValue(command, out var examples)) return;
        output.WriteLine("Examples:");
        foreach (string example in examples) output.WriteLine($"  {example}");
        output.WriteLine();
    }
}
