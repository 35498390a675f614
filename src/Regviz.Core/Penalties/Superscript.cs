namespace Regviz.Core.Penalties;

/// <summary>
/// An exponent written as a textbook prints it, raised (|w₁|⁴, |w₁|¹·²), not after a caret, which is how code
/// writes a power and how no figure should. The decimal point becomes a raised middle dot, as Unicode has no
/// superscript full stop.
/// </summary>
internal static class Superscript
{
    private const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary><paramref name="number"/> (digits, sign, point, exponent letter e) in superscript characters.</summary>
    public static string Of(string number) => string.Concat(number.Select(c => c switch
    {
        >= '0' and <= '9' => Digits[c - '0'],
        '.' => '·',
        '-' or '−' => '⁻',
        '+' => '⁺',
        'e' or 'E' => 'ᵉ',
        _ => throw new ArgumentException($"'{c}' has no superscript form", nameof(number)),
    }));
}
