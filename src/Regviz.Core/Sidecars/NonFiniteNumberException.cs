namespace Regviz.Core.Sidecars;

/// <summary>
/// A sidecar number is infinite or NaN: JSON has neither, so <see cref="Sidecar.Write{T}"/> refuses to write it
/// (data near the limits of double precision, a cell of 1e-300 or 1e200, can overflow a result).
/// </summary>
public sealed class NonFiniteNumberException : Exception
{
    /// <summary>A sidecar number is not finite.</summary>
    public NonFiniteNumberException() : base("a number of the sidecar is not finite (JSON has no infinity or NaN)") { }

    /// <summary>A sidecar number is not finite, in the caller's words.</summary>
    public NonFiniteNumberException(string message) : base(message) { }

    /// <summary>A sidecar number is not finite, in the caller's words, with its cause.</summary>
    public NonFiniteNumberException(string message, Exception inner) : base(message, inner) { }
}
