using System.CommandLine;
using System.Globalization;
using Regviz.Core.Problems;

namespace Regviz.Cli.Options;

/// <summary>
/// What a default file name says about the data term: a loss given by --centre and --hessian by its own numbers (it is
/// posed internally as a sum of squares, but no loss flag was used, so "sse" would name something the user did not ask
/// for), any other loss by its flag's word when it is not the default mse.
/// </summary>
internal static class LossWords
{
    public static string[] Of(ProblemOptions options, ParseResult result, ProblemSpec spec)
    {
        if (result.GetValue(options.Centre) is { } centre && result.GetValue(options.Hessian) is { } hessian)
            return [$"quadratic-c{Numbers(centre)}-a{Numbers(hessian)}"];
        return spec.LossKind != LossKind.Mse ? [spec.LossKind.Name()] : [];
    }

    /// <summary>The numbers as Bind read them (already checked finite), joined by '_': no comma in a file name.</summary>
    private static string Numbers(string list) => string.Join("_", list.Split(',', StringSplitOptions.TrimEntries)
        .Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.######", CultureInfo.InvariantCulture)));
}
