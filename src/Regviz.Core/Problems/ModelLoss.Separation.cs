namespace Regviz.Core.Problems;

public sealed partial class ModelLoss
{
    /// <summary>
    /// Whether w separates the classes: every label-1 row scores above every label-0 row (with an intercept, which
    /// can then be placed between them), or every row is on its label's side of 0 (without). A witness, not a
    /// threshold: where it holds, D along the ray through w falls to 0 and has no minimum; on classes that no w
    /// separates, a large w (features scaled by 1e-7 call for weights of 1e7) is just the optimum.
    /// </summary>
    internal bool Separates(ReadOnlySpan<double> w)
    {
        if (_kind != LossKind.Logistic) return false;
        var f = Predictions(w);
        if (!f.All(double.IsFinite)) return false;
        if (_intercept)
        {
            double lowestOne = double.PositiveInfinity, highestZero = double.NegativeInfinity;
            for (int i = 0; i < f.Length; i++)
                if (_y[i] == 1) lowestOne = Math.Min(lowestOne, f[i]);
                else highestZero = Math.Max(highestZero, f[i]);
            return highestZero < lowestOne;
        }
        for (int i = 0; i < f.Length; i++)
            if ((_y[i] == 1 ? f[i] : -f[i]) <= 0) return false;
        return true;
    }
}
