using System.CommandLine;
using System.Text;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Output;

/// <summary>
/// Default file names: the descriptive name (contour-l1-lambda0.5.png) says the main parameters,
/// and every other option given that changes the picture adds one short suffix, a hash of those options' canonical
/// form (contour-l1-lambda0.5-3f9a01c2.png). Different picture arguments give different names, and running the same
/// command again replaces its own file.
/// </summary>
internal static class DefaultNames
{
    /// <summary>A name that says what is in the file, e.g. contour-l1-lambda0.5.png: the command, the penalty and its parameters, λ or t.</summary>
    /// <param name="spec">The problem whose λ or t the name gives; null when the name carries neither (a sweep's range is in the suffix).</param>
    /// <param name="variant">What else the name spells out in full (model, loss, trace); every other picture option goes into <see cref="Unique"/>'s suffix.</param>
    public static string Descriptive(string kind, Penalty penalty, ProblemSpec? spec, params string[] variant)
    {
        // round-trip digits: two λ that differ only in the 7th digit are two pictures, so they are two names
        string Num(double v) => RegularisationForm.RoundTrip(v);
        string name = $"{kind}-{penalty.Name}";
        foreach (string v in variant) name += $"-{v}";
        foreach (var a in penalty.Parameters) name += $"-{a.Name}{Num(a.Value)}";
        if (spec?.Form is ConstrainedForm c) name += $"-radius{Num(c.Radius)}";
        else if (spec?.Form is PenalisedForm p) name += $"-lambda{Num(p.Lambda)}";
        return name + ".png";
    }

    /// <summary>Options that change where things go or what is printed, never the picture.</summary>
    private static readonly HashSet<string> Neutral = ["--out", "--json", "--alt", "--help", "--verbose"];

    /// <summary>
    /// <paramref name="descriptive"/> with the suffix of <paramref name="result"/>'s other picture options inserted
    /// before the extension; unchanged when none was given.
    /// </summary>
    /// <param name="named">The options the descriptive name already spells out in full (losslessly), so they add no suffix.</param>
    public static string Unique(string descriptive, ParseResult result, params Option[] named)
    {
        string? suffix = Suffix(result, named);
        if (suffix is null) return descriptive;
        string extension = Path.GetExtension(descriptive);
        return $"{descriptive[..^extension.Length]}-{suffix}{extension}";
    }

    /// <summary>
    /// Eight hex digits of the SHA-256 of the canonical arguments, or null when no picture option was given beyond the
    /// named ones. Canonical: the option's own name (not the alias typed), its tokens as given, options sorted by name,
    /// so the order on the command line does not matter. An option given counts even at its declared default: what a
    /// command uses when an option is not given may depend on others (`--clean` draws 3 loss levels, `--levels 10` ten;
    /// a turntable holds no frame, `--hold 20` does), and one picture under two names is the safe error.
    /// </summary>
    private static string? Suffix(ParseResult result, IEnumerable<Option> named)
    {
        var skip = new HashSet<Option>(named);
        var lines = new List<string>();
        foreach (var option in result.CommandResult.Command.Options)
        {
            if (skip.Contains(option) || Neutral.Contains(option.Name)) continue;
            if (result.GetResult(option) is not { Implicit: false } given) continue;
            object? value = given.GetValueOrDefault<object?>();
            if (option.ValueType == typeof(bool) && value is false) continue;
            var tokens = given.Tokens.Select(t => t.Value).ToList();
            // a flag has no token: its value says it was switched on
            lines.Add($"{option.Name}={(tokens.Count > 0 ? string.Join("\u001f", tokens) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))}");
        }
        if (lines.Count == 0) return null;
        lines.Sort(StringComparer.Ordinal);
        // managed: .NET's SHA256 would load OpenSSL, a tenth of a cold figure's CPU (Sha256)
        byte[] hash = Sha256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
