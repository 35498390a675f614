namespace Regviz.Core.Data;

/// <summary>Rows of features and a target, column-major so that Gram products stream through memory.</summary>
public sealed class Dataset
{
    /// <summary>A data set from its feature columns and its target.</summary>
    public Dataset(IReadOnlyList<string> featureNames, double[][] columns, double[] target, string targetName)
    {
        if (columns.Length != featureNames.Count)
            throw new ArgumentException("one column per feature name is required");
        if (columns.Any(c => c.Length != target.Length))
            throw new ArgumentException("every column must have as many rows as the target");
        FeatureNames = featureNames;
        Columns = columns;
        Target = target;
        TargetName = targetName;
    }

    /// <summary>The feature columns' names, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Columns[j][i] is feature j of row i.</summary>
    public double[][] Columns { get; }

    /// <summary>The target column y.</summary>
    public double[] Target { get; }
    /// <summary>The target column's name.</summary>
    public string TargetName { get; }
    /// <summary>
    /// Whether messages may quote the names of its columns: false for a file read on behalf of a manifest
    /// (<see cref="CsvDataset.Load"/>'s <c>quoteContent</c>), whose errors end up in public CI logs.
    /// </summary>
    public bool Quotable { get; init; } = true;
    /// <summary>The quadratic these rows stand for, exactly as given, when they were made from one (<see cref="GivenQuadratic"/>).</summary>
    internal Problems.GivenLoss? Given { get; init; }
    /// <summary>How many rows (observations).</summary>
    public int Rows => Target.Length;
    /// <summary>How many feature columns.</summary>
    public int Features => Columns.Length;

    /// <summary>The dataset restricted to the named features, in the order given.</summary>
    public Dataset Select(IReadOnlyList<string> names)
    {
        var cols = new double[names.Count][];
        for (int k = 0; k < names.Count; k++)
        {
            int j = IndexOf(names[k]);
            if (j < 0)
                throw new ProblemArgumentException("features",
                    $"no column '{names[k]}' (columns: {string.Join(", ", FeatureNames)})");
            cols[k] = Columns[j];
        }
        return new Dataset(names.ToArray(), cols, Target, TargetName) { Quotable = Quotable };
    }

    private int IndexOf(string name)
    {
        for (int j = 0; j < FeatureNames.Count; j++)
            if (string.Equals(FeatureNames[j], name, StringComparison.Ordinal)) return j;
        return -1;
    }
}
