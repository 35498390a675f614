using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Motion;

/// <summary>
/// The values of λ or t an animation visits. λ is log-spaced because the optimum moves on a log scale of λ (half the
/// story happens below a tenth of λ_max); t is evenly spaced because it is a length: the ball then grows at a steady pace.
/// </summary>
public static class SweepValues
{
    /// <summary>
    /// The frames' values. Defaults: λ from λ_max (the smallest λ where w* = 0) down to λ_max/100; for penalties that
    /// only approach 0 (l2, lp with p ≠ 1), from the first power of ten above the lasso's λ_max where N(w*) is at most 1% of
    /// N(w_ls), down by decades until N(w*) is at least 95% of it. t from 2% of N(w_ls) (or of N(w*) at the smallest
    /// default λ, where there is no unregularised fit) up to it.
    /// </summary>
    /// <param name="loss">The data term.</param>
    /// <param name="penalty">The penalty (as at λ = 1 for penalties whose shape depends on λ; each value applies its own).</param>
    /// <param name="unregularised">The λ = 0 optimum, or null where there is none.</param>
    /// <param name="request">How many values, which parameter, and the ends that are not left to the defaults.</param>
    public static double[] Of(ISmoothLoss loss, Penalty penalty, double[]? unregularised, SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Parameter == SweepParameter.Iterate)
            throw new ProblemArgumentException(null, "an optimiser's iterates are not a sweep of values");
        if (request.Frames < 2 || request.Frames > SweepRequest.MaxFrames)
            throw new ProblemArgumentException("frames", $"{request.Frames} is outside 2..{SweepRequest.MaxFrames}");
        if (request.Parameter == SweepParameter.Radius && !penalty.HasConstrainedForm)
            throw new ProblemArgumentException("radius", $"{penalty.Name} has no constrained form to sweep");
        double from, to;
        if (request.From is { } f && request.To is { } t) (from, to) = (f, t);
        else
        {
            var (hi, lo) = LambdaEnds(loss, penalty, unregularised);
            if (request.Parameter == SweepParameter.Lambda) (from, to) = (hi, lo);
            else
            {
                double top = penalty.Norm(unregularised ?? Regularised.WeightsAt(loss, penalty, lo));
                (from, to) = (0.02 * top, top);
            }
            (from, to) = (request.From ?? from, request.To ?? to);
        }
        Check("from", from);
        Check("to", to);
        if (from == to)
            throw new ProblemArgumentException("to", $"{RegularisationForm.RoundTrip(to)} equals the first value: nothing would move");
        int n = request.Frames;
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = (double)i / (n - 1);
            values[i] = i == 0 ? from : i == n - 1 ? to
                : request.Parameter == SweepParameter.Lambda ? from * Math.Pow(to / from, s) : from + (to - from) * s;
        }
        if (request.Reverse) Array.Reverse(values);
        return values;
    }

    private static void Check(string name, double v)
    {
        if (!double.IsFinite(v) || v <= 0)
            throw new ProblemArgumentException(name, $"{RegularisationForm.RoundTrip(v)} is not allowed (a finite number > 0 is required)");
    }

    /// <summary>(largest, smallest) default λ: where w* is (nearly) 0 and where it is (nearly) the unregularised fit.</summary>
    private static (double Hi, double Lo) LambdaEnds(ISmoothLoss loss, Penalty penalty, double[]? unregularised)
    {
        var range = LambdaRange.Of(loss, penalty);
        double lassoMax = range.LassoMax;
        if (!(lassoMax > 0))
            throw new ProblemArgumentException(null, "nothing moves: the target is uncorrelated with every feature (λ_max = 0, so w* = 0 for every λ)");
        if (range.PenaltyMax is { } max && max > 0) return (max, max / 100);
        if (unregularised is null) return (lassoMax * 10, lassoMax / 10);
        double full = penalty.Norm(unregularised);
        double Size(double lambda) => penalty.At(lambda).Norm(Regularised.WeightsAt(loss, penalty, lambda));
        double hi = lassoMax;
        for (int k = 0; k < 12 && Size(hi) > 0.01 * full; k++) hi *= 10;
        double lo = hi / 100;
        for (int k = 0; k < 12 && Size(lo) < 0.95 * full; k++) lo /= 10;
        return (hi, lo);
    }
}
