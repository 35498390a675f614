namespace Regviz.Core.Problems;

/// <summary>
/// The profiled intercept of the logistic loss for fixed predictions f: the root of the increasing
/// g(b) = Σσ(f_i + b) − Σy_i. Newton steps, kept inside the bracket that the signs of g have established so far
/// (bisection when a step would leave it) and, while a side is still open, no longer than a reach that doubles
/// each time it binds: so it converges from any start, even where every σ is saturated and g' ≈ 0
/// (predictions spread over thousands, as the exp model gives far from its optimum), and grows again while Newton is
/// not converging (a step over half the one before). Once both sides are known, a
/// Newton step longer than half the step before it is replaced by bisection (Numerical Recipes' rtsafe): between two
/// clusters of predictions g is nearly flat with steep sides, where plain Newton swings from one side to the other
/// for ever (seen: 100 steps between b ≈ 17 and b ≈ 32, D 1e-3 above its minimum).
/// </summary>
internal struct InterceptSearch(double start)
{
    private double _lo = double.NegativeInfinity, _hi = double.PositiveInfinity, _reach = 5;
    private double _lastMove = double.PositiveInfinity, _moveBefore = double.PositiveInfinity;

    public double B { get; private set; } = start;

    /// <summary>Moves b, given g and g' = Σσ(1 − σ) at the current b; returns how far it moved (0 at an exact root).</summary>
    public double Step(double g, double h)
    {
        if (g > 0) _hi = B;
        else if (g < 0) _lo = B;
        else return 0;
        double next = B - g / h; // ±∞ where every σ is saturated
        bool bracketed = !double.IsInfinity(_lo) && !double.IsInfinity(_hi);
        // saturated σ give g/g' → ±1: Newton crept 1 a step across 200 (CsCheck seed 9EeEqQ4qYMan of LossGridTests, the
        // exp model's predictions in the thousands), so a step no shorter than half the one before grows the reach instead
        if (!bracketed && (Math.Abs(next - B) > _reach || Math.Abs(next - B) > 0.5 * _lastMove))
        {
            next = B - Math.CopySign(_reach, g);
            _reach *= 2;
        }
        if (next == B) return 0; // the step is below rounding
        // outside the bracket, or not converging (longer than half the step before last): bisect
        if (bracketed && (!(next > _lo && next < _hi) || Math.Abs(next - B) > 0.5 * _moveBefore)) next = 0.5 * (_lo + _hi);
        double moved = Math.Abs(next - B);
        B = next;
        (_moveBefore, _lastMove) = (_lastMove, moved);
        return moved;
    }
}
