namespace Regviz.Core.Solvers;

/// <summary>
/// Which of the two equivalent problems to solve: the penalised form, minimise D(w) + λP(w), or the constrained
/// form, minimise D(w) subject to N(w) ≤ t. Each checks its number when made, so an invalid form cannot exist.
/// </summary>
public abstract record Form
{
    private protected Form() { }

    /// <summary>minimise D(w) + λP(w); λ finite and ≥ 0 (0: the unregularised fit).</summary>
    public static PenalisedForm Penalised(double lambda)
    {
        RegularisationForm.CheckLambda(lambda);
        return new PenalisedForm(lambda);
    }

    /// <summary>minimise D(w) subject to N(w) ≤ radius; radius finite and &gt; 0.</summary>
    public static ConstrainedForm Constrained(double radius)
    {
        RegularisationForm.CheckRadius(radius);
        return new ConstrainedForm(radius);
    }
}

/// <summary>minimise D(w) + λP(w).</summary>
public sealed record PenalisedForm : Form
{
    internal PenalisedForm(double lambda) => Lambda = lambda;
    /// <summary>λ.</summary>
    public double Lambda { get; }
}

/// <summary>minimise D(w) subject to N(w) ≤ t.</summary>
public sealed record ConstrainedForm : Form
{
    internal ConstrainedForm(double radius) => Radius = radius;
    /// <summary>t.</summary>
    public double Radius { get; }
}
