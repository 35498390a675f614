namespace Regviz.Cli.Options;

/// <summary>
/// A list of two numbers that reads as one number written with a decimal comma (<c>--lambda 0,5</c>): in a panel
/// command the comma makes two panels, λ = 0 and λ = 5, which is seldom what a user of a comma locale meant.
/// </summary>
internal static class DecimalComma
{
    /// <summary>
    /// The number <paramref name="items"/> would be with a decimal point ("0.5"), or null. Only two whole numbers
    /// without sign or exponent, the first a single digit, as a comma locale writes a number below 10; and only where
    /// panels are the less likely reading: a first panel at 0, or a second with a leading zero or more than one digit
    /// ("1,2" and "2,5" are left alone: as often two panels as one number).
    /// </summary>
    public static string? Reading(IReadOnlyList<string> items) =>
        items.Count == 2 && items[0].Length == 1 && char.IsAsciiDigit(items[0][0]) && items[1].Length > 0 && items[1].All(char.IsAsciiDigit)
            && (items[0] == "0" || items[1][0] == '0' || items[1].Length > 1)
            ? $"{items[0]}.{items[1]}"
            : null;
}
