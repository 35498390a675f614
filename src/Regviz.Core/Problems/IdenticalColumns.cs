namespace Regviz.Core.Problems;

/// <summary>Finds columns that are equal bit for bit, the one kind of duplicate whose equal split is a fact.</summary>
internal static class IdenticalColumns
{
    /// <summary>The groups of two or more identical columns, each in column order.</summary>
    public static int[][] Of(IReadOnlyList<double[]> columns)
    {
        var byContent = new Dictionary<int, List<List<int>>>();
        for (int j = 0; j < columns.Count; j++)
        {
            var hash = new HashCode();
            foreach (double v in columns[j]) hash.Add(v);
            var buckets = byContent.TryGetValue(hash.ToHashCode(), out var found) ? found : byContent[hash.ToHashCode()] = [];
            var group = buckets.Find(b => columns[b[0]].AsSpan().SequenceEqual(columns[j]));
            if (group is null) buckets.Add([j]);
            else group.Add(j);
        }
        return byContent.Values.SelectMany(b => b).Where(g => g.Count > 1).Select(g => g.ToArray()).OrderBy(g => g[0]).ToArray();
    }
}
