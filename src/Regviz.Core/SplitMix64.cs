namespace Regviz.Core;

/// <summary>
/// A tiny, fully specified random stream (SplitMix64, Steele et al. 2014). Used wherever numbers must be
/// reproducible across .NET versions and machines: the built-in data and seeded experiments.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on (0, 1): the top 53 bits, offset by half a step so 0 never occurs.</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box–Muller (cosine branch only, so one draw is two uniforms).</summary>
    public double NextGaussian()
    {
        double u1 = NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
