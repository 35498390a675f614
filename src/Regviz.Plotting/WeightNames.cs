namespace Regviz.Plotting;

/// <summary>
/// A weight as a figure names it: w₁ with its feature column in brackets, "w₁ (x1)", or w₁ alone when the column is
/// named after the weight itself (a loss given by --centre and --hessian has columns w1 and w2 and no data): "w₁ (w1)"
/// would repeat itself.
/// </summary>
internal static class WeightNames
{
    /// <summary>An axis title: "w₁ (bmi)", or "w₁".</summary>
    public static string Axis(int j, string feature) => OwnName(j, feature) ? $"w{FigureText.Sub(j)}" : $"w{FigureText.Sub(j)} ({feature})";

    /// <summary>A weight in running text, its column name cleaned and shortened as <see cref="FigureText.Name"/> does.</summary>
    public static string InText(int j, string feature) => OwnName(j, feature) ? $"w{FigureText.Sub(j)}" : $"w{FigureText.Sub(j)} ({FigureText.Name(feature)})";

    private static bool OwnName(int j, string feature) => feature == $"w{j + 1}";
}
