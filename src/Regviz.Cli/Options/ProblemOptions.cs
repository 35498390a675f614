using System.CommandLine;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.IO;
using Regviz.Core.Models;
using Regviz.Core.Problems;

namespace Regviz.Cli.Options;

/// <summary>The maths and data options every command that poses a problem shares, and their binding to a <see cref="ProblemSpec"/>.</summary>
internal sealed class ProblemOptions
{
    public const double DefaultLambda = 0.5;

    public readonly Option<string?> Data = new("--data")
    {
        Description = "CSV file: a header row, then numeric rows (invariant culture). Default: the built-in data "
            + "(60 rows; x1 ~ N(0,1), x2 = 0.15·x1 + 0.48·N(0,1), y = 1.5·x1 + 0.6·x2 + 0.3·N(0,1); SplitMix64 seed 20240611)",
        HelpName = "FILE",
    };
    public readonly Option<string?> Target = new("--target") { Description = "Column to predict (default: the last column)", HelpName = "NAME" };
    public readonly Option<string?> Features = new("--features") { Description = "Feature columns, in order (default: all but the target)", HelpName = "A,B,.." };
    public readonly Option<string> Model = new("--model") { Description = "f(x; w): linear = x·w; exp = w1·exp(w2·x), tanh = w1·tanh(w2·x) (one neuron) on one feature column (non-convex)", DefaultValueFactory = _ => "linear", HelpName = string.Join("|", ModelCatalogue.Names) };
    public readonly Option<bool> Intercept = new("--intercept") { Description = "Fit an unpenalised intercept b (equivalent to centring x and y)" };
    public readonly Option<string> Loss = new("--loss") { Description = "Data term: mse = (1/n)Σ(f + b − y)², sse = Σ(f + b − y)², logistic = (1/n)Σ[log(1 + e^z) − y·z], z = f + b, y ∈ {0,1}. Without --data, logistic uses the built-in x with labels 1 w.p. σ(3·x1 + 1.2·x2 − 0.5), and --model exp uses x ~ U(0,2), y = 1.5·exp(0.8·x) + 0.3·N(0,1)", DefaultValueFactory = _ => "mse", HelpName = "mse|sse|logistic" };
    /// <summary>A problem always has a penalty, so the penalty group comes with it.</summary>
    public readonly PenaltyOptions PenaltyOptions = new();
    public readonly Option<double?> Lambda = NumberOptions.Nullable("--lambda", $"Penalised form: minimise D(w) + λ·P(w) (default {DefaultLambda} unless --radius)", "λ");
    public readonly Option<double?> Radius = NumberOptions.Nullable("--radius", "Constrained form: minimise D(w) subject to N(w) ≤ t (N: Σ|w|, √Σw², max|w|, (Σ|w|^p)^(1/p); elasticnet: P)", "t");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Target, Features, Model, Intercept, Loss })
            command.Options.Add(option);
        PenaltyOptions.AddTo(command);
        command.Options.Add(Lambda);
        command.Options.Add(Radius);
    }

    /// <summary>Checks the cheap things first (so a typo costs no data loading), then loads and reduces the data.</summary>
    public ProblemSpec Bind(ParseResult result)
    {
        string norm = PenaltyOptions.Name(result);
        var loss = Words.Loss(result.GetValue(Loss)!);
        var model = Words.Model(result.GetValue(Model)!);
        double? lambda = result.GetValue(Lambda);
        double? radius = result.GetValue(Radius);
        RegularisationForm.Check(lambda, radius);
        if (radius is null) lambda ??= DefaultLambda;
        var penalty = PenaltyOptions.Create(norm, result);
        var data = LoadData(result, loss, model);
        return new ProblemSpec(data, loss, result.GetValue(Intercept), penalty, lambda, radius, model);
    }

    private Dataset LoadData(ParseResult result, LossKind loss, IModel model)
    {
        var features = ParseList(result.GetValue(Features));
        string? path = result.GetValue(Data);
        string? target = result.GetValue(Target);
        // a manifest's data must be a file: a FIFO or /dev/stdin (through a committed symlink) would block the batch
        if (path is not null && OutputTargets.Confined && FileKinds.Of(path) == FileKind.Special)
            throw new InputException($"--data: '{path}' is not a regular file");
        if (path is not null) return CsvDataset.Load(path, target, features);

        var builtIn = model.BuiltInData(loss) ?? BuiltInDataset.Create();
        if (target is not null && target != builtIn.TargetName)
            throw new InputException($"--target: the built-in data has target '{builtIn.TargetName}' only (use --data for your own)");
        return features is { Count: > 0 } ? builtIn.Select(features) : builtIn;
    }

    private static IReadOnlyList<string>? ParseList(string? text)
    {
        if (text is null) return null;
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(string.IsNullOrEmpty))
            throw new InputException($"--features: '{text}' has an empty name (write names separated by commas, e.g. x1,x2)");
        var dup = items.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new InputException($"--features: '{dup.Key}' is named twice");
        return items;
    }
}
