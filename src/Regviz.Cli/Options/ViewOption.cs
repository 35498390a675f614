using System.CommandLine;

namespace Regviz.Cli.Options;

/// <summary>--view AZ,EL for the 3-D figures: where the eye is, in degrees, as matplotlib's view_init(elev, azim) but azimuth first.</summary>
internal static class ViewOption
{
    /// <summary>A ball's view: all three axes apart, the w₁ axis toward the reader.</summary>
    public const string Default = "35,25";

    /// <summary>
    /// A surface's view: from the other side and high (55°), so the floor shows its contours and the bowl its inside:
    /// at 35° the near wall of a narrow bowl (correlated features) hid its floor, w* and the fit with it.
    /// </summary>
    public const string SurfaceDefault = "-60,55";

    public static Option<string> Create(string defaultView = Default) => new("--view")
    {
        Description = "Where the eye is, AZ,EL in degrees: azimuth in the (w1, w2) plane from the w1 axis, elevation above it (-90..90)",
        DefaultValueFactory = _ => defaultView,
        HelpName = "AZ,EL",
    };
}
