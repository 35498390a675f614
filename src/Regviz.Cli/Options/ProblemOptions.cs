using System.CommandLine;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.IO;
using Regviz.Core.Models;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

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
    public readonly Option<string?> Delimiter = new("--delimiter") { Description = "Field separator of --data: , ; | or tab (default: the one its header line uses, among , ; and tab). Numbers need a decimal point: decimal commas are refused", HelpName = ",|;|tab" };
    public readonly Option<string?> Target = new("--target") { Description = "Column to predict (default: the last column)", HelpName = "NAME" };
    public readonly Option<string?> Features = new("--features") { Description = "Feature columns, in order (default: all but the target)", HelpName = "A,B,.." };
    public readonly Option<string> Model = new("--model") { Description = "f(x; w): linear = x·w; exp = w1·exp(w2·x), tanh = w1·tanh(w2·x) (one neuron) on one feature column (non-convex)", DefaultValueFactory = _ => "linear", HelpName = string.Join("|", ModelCatalogue.Names) };
    public readonly Option<bool> Intercept = new("--intercept") { Description = "Fit an unpenalised intercept b (equivalent to centring x and y)" };
    public readonly Option<string> Loss = new("--loss") { Description = "Data term: mse = (1/n)Σ(f + b − y)², sse = Σ(f + b − y)², logistic = (1/n)Σ[log(1 + e^z) − y·z], z = f + b, y ∈ {0,1}. Without --data, logistic uses the built-in x with labels 1 w.p. σ(3·x1 + 1.2·x2 − 0.5), and --model exp uses x ~ U(0,2), y = 1.5·exp(0.8·x) + 0.3·N(0,1)", DefaultValueFactory = _ => "mse", HelpName = "mse|sse|logistic" };
    public readonly Option<string?> Centre = new("--centre") { Description = "A loss given directly instead of data: D(w) = (w − c)ᵀA(w − c) with this centre c (two numbers) and --hessian", HelpName = "x,y" };
    public readonly Option<string?> Hessian = new("--hessian") { Description = "A = [[a, b], [b, d]] of the loss given by --centre (positive definite: a > 0, a·d > b²)", HelpName = "a,b,d" };
    /// <summary>A problem always has a penalty, so the penalty group comes with it.</summary>
    public readonly PenaltyOptions PenaltyOptions = new();
    public readonly Option<double?> Lambda = NumberOptions.Nullable("--lambda", $"Penalised form: minimise D(w) + λ·P(w) (default {DefaultLambda} unless --radius); a comma list makes panels in contour", "λ", list: true);
    public readonly Option<double?> Radius = NumberOptions.Nullable("--radius", "Constrained form: minimise D(w) subject to N(w) ≤ t (N: Σ|w|, √Σw², max|w|, (Σ|w|^p)^(1/p); elasticnet: P); a comma list makes panels in contour", "t", list: true);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Delimiter, Target, Features, Model, Intercept, Loss, Centre, Hessian })
            command.Options.Add(option);
        PenaltyOptions.AddTo(command);
        command.Options.Add(Lambda);
        command.Options.Add(Radius);
    }

    /// <summary>
    /// Checks the cheap things first (so a typo costs no data loading), then loads and reduces the data, after
    /// <paramref name="transform"/> when given (path --standardize scales the columns).
    /// </summary>
    public ProblemSpec Bind(ParseResult result, Func<Dataset, Dataset>? transform = null)
    {
        string norm = PenaltyOptions.Name(result);
        PanelOptions.RefuseList(result, Lambda);
        PanelOptions.RefuseList(result, Radius);
        var loss = Words.Loss(result.GetValue(Loss)!);
        var model = Words.Model(result.GetValue(Model)!);
        double? lambda = result.GetValue(Lambda);
        double? radius = result.GetValue(Radius);
        var form = FormOf(lambda, radius, DefaultLambda);
        var penalty = PenaltyOptions.Create(norm, result);
        if (GivenLoss(result) is { } given)
            return new ProblemSpec(transform is null ? given : transform(given), LossKind.Sse, false, penalty, form, model);
        var data = LoadData(result, loss, model);
        if (transform is not null) data = transform(data);
        return new ProblemSpec(data, loss, result.GetValue(Intercept), penalty, form, model);
    }

    /// <summary>
    /// The form that --lambda and --radius ask for: constrained with --radius, penalised otherwise (at
    /// <paramref name="defaultLambda"/> when neither is given); both together are refused in the core's words.
    /// </summary>
    public static Form FormOf(double? lambda, double? radius, double defaultLambda)
    {
        RegularisationForm.Check(lambda, radius);
        return radius is { } t ? Form.Constrained(t) : Form.Penalised(lambda ?? defaultLambda);
    }

    /// <summary>
    /// --centre and --hessian: the quadratic D(w) = (w − c)ᵀA(w − c) as a two-row sum of squares
    /// (<see cref="GivenQuadratic"/>), or null without them. Data, loss and model options describe data, so they are refused with it.
    /// </summary>
    private Dataset? GivenLoss(ParseResult result)
    {
        string? centre = result.GetValue(Centre), hessian = result.GetValue(Hessian);
        if (centre is null && hessian is null) return null;
        if (centre is null || hessian is null)
            throw new InputException(centre is null ? "--hessian goes with --centre x,y" : "--centre goes with --hessian a,b,d");
        foreach (var option in new Option[] { Data, Delimiter, Target, Features, Model, Intercept, Loss })
            if (result.GetResult(option) is { Implicit: false })
                throw new InputException($"{option.Name}: the loss given by --centre and --hessian is the quadratic (w − c)ᵀA(w − c) itself, with no data");
        var c = Numbers(centre, 2, "--centre", "x,y");
        var a = Numbers(hessian, 3, "--hessian", "a,b,d");
        return GivenQuadratic.AsData(c[0], c[1], a[0], a[1], a[2]);
    }

    private static double[] Numbers(string text, int count, string flag, string form)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        if (parts.Length != count || parts.Select((p, i) => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).Any(ok => !ok))
            throw new InputException($"{flag}: '{Excerpt.Of(text)}' is not {count} finite numbers {form}");
        return values;
    }

    private Dataset LoadData(ParseResult result, LossKind loss, IModel model)
    {
        var features = ParseList(result.GetValue(Features));
        string? path = result.GetValue(Data);
        string? target = result.GetValue(Target);
        var reads = Output.RunContext.Of(result).Reads;
        // a manifest's data must be a regular file inside its folder: a FIFO would block the batch, /etc/shadow is not its to read
        if (path is not null) reads.Check(path, "--data");
        string? delimiter = result.GetValue(Delimiter);
        if (delimiter is not null && path is null)
            throw new InputException("--delimiter has no effect without --data (it is the separator of a CSV file's fields)");
        if (path is not null) return CsvDataset.Load(path, target, features, delimiter is null ? null : Words.Delimiter(delimiter), reads.Quote);

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
