using System.Globalization;

namespace Regviz.Benchmarks;

/// <summary>
/// A seeded binary-classification CSV (x1, x2 ~ N(0, 1); y = 1 with probability σ(1.5·x1 − x2 + 0.3)), for timing
/// `contour --loss logistic` on many rows without committing a large file:
/// <c>dotnet run -c Release --project tests/Regviz.Benchmarks -- logistic-csv FILE [ROWS] [SEED]</c>.
/// </summary>
public static class LogisticCsv
{
    public static (double[] X1, double[] X2, double[] Y) Generate(int rows, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var (x1, x2, y) = (new double[rows], new double[rows], new double[rows]);
        for (int i = 0; i < rows; i++)
        {
            x1[i] = Normal();
            x2[i] = Normal();
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-(1.5 * x1[i] - x2[i] + 0.3))) ? 1 : 0;
        }
        return (x1, x2, y);
    }

    public static void Write(string path, int rows, int seed)
    {
        var (x1, x2, y) = Generate(rows, seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine("x1,x2,y");
        for (int i = 0; i < rows; i++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x1[i]:R},{x2[i]:R},{y[i]}"));
    }
}
