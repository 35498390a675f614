using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Core.Sparsity;
using Regviz.Core.Traces;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// A library caller is told which of its own arguments is wrong, by the name the API gives it, and never about a
/// CLI flag it did not type (#13). The CLI's side, the same errors in flags, is in Cli/ParameterFlagsTests.
/// </summary>
public class ParameterNameTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    private static ProblemArgumentException Thrown(Action call)
    {
        var e = Assert.Throws<ProblemArgumentException>(call);
        Assert.DoesNotContain("--", e.Message);
        Assert.DoesNotContain("(Parameter", e.Message); // ArgumentException's suffix would repeat the name
        return e;
    }

    [Fact]
    public void Elastic_net_alpha_outside_0_1()
    {
        var e = Thrown(() => new ElasticNetPenalty(1.5));
        Assert.Equal("alpha", e.ParamName);
        Assert.Equal("alpha: 1.5 is outside [0, 1]", e.Message);
        Assert.Equal("1.5 is outside [0, 1]", e.Reason);
        Assert.Null(e.Value);
    }

    [Fact]
    public void Lp_exponent_not_positive_or_too_large()
    {
        Assert.Equal("p", Thrown(() => new LpPenalty(-1)).ParamName);
        // a reason that names another parameter names it in the library's words too
        Assert.Equal("p: 200 is above 100 (use norm = linf, the limit as p grows)", Thrown(() => new LpPenalty(200)).Message);
    }

    [Fact]
    public void Negative_lambda_in_a_solve()
    {
        var q = QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, false);
        Assert.Equal("lambda", Thrown(() => Optimizer.Penalised(q, new L1Penalty(), -1)).ParamName);
        Assert.Equal("lambda", Thrown(() => GeneralOptimizer.Penalised(q, new L1Penalty(), -1)).ParamName);
        Assert.Equal("radius", Thrown(() => Optimizer.Constrained(q, new L1Penalty(), 0)).ParamName);
    }

    [Fact]
    public void Lambda_0_without_a_unique_optimum_shows_the_value_it_is_about()
    {
        var data = CsvDataset.Load(DataFile("collinear.csv"));
        var e = Thrown(() => new ProblemSpec(data, LossKind.Mse, false, new L1Penalty(), Form.Penalised(0)).Solve());
        Assert.Equal("lambda", e.ParamName);
        Assert.Equal("0", e.Value);
        Assert.StartsWith("lambda = 0: the least-squares optimum is not unique", e.Message);
    }

    [Fact]
    public void Csv_missing_target_feature_or_file()
    {
        var target = Thrown(() => CsvDataset.Load(DataFile("orthogonal.csv"), "zz"));
        Assert.Equal("target", target.ParamName);
        Assert.StartsWith("target: no column 'zz' in '", target.Message);
        Assert.Equal("features", Thrown(() => CsvDataset.Load(DataFile("orthogonal.csv"), null, ["q"])).ParamName);
        var missing = Thrown(() => CsvDataset.Load("/nonexistent/x.csv"));
        Assert.Equal("data", missing.ParamName);
        Assert.Equal("data: file '/nonexistent/x.csv' does not exist", missing.Message);
    }

    [Fact]
    public void Several_parameters_or_none()
    {
        var both = Thrown(() => RegularisationForm.Check(1, 1));
        Assert.Null(both.ParamName);
        Assert.Equal("lambda and radius cannot be used together (penalised or constrained form: pick one)", both.Message);

        var labels = new Dataset(["a"], [[1, 2, 3]], [1, 1, 1], "y");
        var same = Thrown(() => new ProblemSpec(labels, LossKind.Logistic, true, new L1Penalty(), Form.Penalised(1)));
        Assert.Equal("intercept", same.ParamName);
        Assert.Equal([("loss", (string?)"logistic")], same.Context);
        Assert.StartsWith("loss = logistic, intercept: every label is the same", same.Message);
    }

    [Fact]
    public void Counts_of_the_experiments()
    {
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(0));
        Assert.Equal("count", Thrown(() => RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, count: 1)).ParamName);
        Assert.Equal("ratio", Thrown(() => RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, ratio: 2)).ParamName);
        Assert.Equal("trials", Thrown(() => SparsityExperiment.Run([new L1Penalty()], 0, 1, Form.Constrained(1))).ParamName);
        Assert.Equal("steps", Thrown(() => OptimiserTraces.CheckSteps(0)).ParamName);
        var exp = Thrown(() => new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(1), new ExpModel()));
        Assert.Equal(("model", "exp"), (exp.ParamName, exp.Value));
        Assert.EndsWith("(pick one with features)", exp.Message);
    }
}
