namespace Regviz.Core.ThreeD;

/// <summary>A point or direction in three dimensions: (w₁, w₂, w₃) for a ball, (w₁, w₂, height) for a surface.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>Sum.</summary>
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    /// <summary>Difference.</summary>
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    /// <summary>Scaled by s.</summary>
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>Scalar product.</summary>
    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;

    /// <summary>Vector product (right-handed).</summary>
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);

    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt(Dot(this));

    /// <summary>This direction at length 1.</summary>
    public Vec3 Unit() => (1 / Length) * this;

    /// <summary>The coordinates as an array, for sidecars and penalties.</summary>
    public double[] ToArray() => [X, Y, Z];
}
