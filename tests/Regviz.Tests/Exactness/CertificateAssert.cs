using Regviz.Core.Certificates;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// For designs where the optimality conditions are met but the bounds may be too wide to prove 1e-9 on the weights
/// (condition 1e6 and beyond, columns scaled by 1e±6): the conditions must hold, and an uncertified answer must owe it
/// to a bound it reports, never to nothing.
/// </summary>
internal static class CertificateAssert
{
    public static void ConditionsHold(Certificate c, string what)
    {
        Assert.True(c.Kkt <= Certificate.Tolerance, $"{what}: {c}");
        if (c.Certified) return;
        bool objectiveTooWide = c.ObjectiveBound is { } o && o > Certificate.ObjectiveTolerance * Math.Abs(c.Objective);
        Assert.True(objectiveTooWide || c.WeightBound is not null, $"{what}: uncertified with no bound to say why: {c}");
    }
}
