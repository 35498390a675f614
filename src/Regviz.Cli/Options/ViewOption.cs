using System.CommandLine;

namespace Regviz.Cli.Options;

/// <summary>--view AZ,EL for the 3-D figures: where the eye is, in degrees, as matplotlib's view_init(elev, azim) but azimuth first.</summary>
internal static class ViewOption
{
    public const string Default = "35,25";

    public static Option<string> Create() => new("--view")
    {
        Description = "Where the eye is, AZ,EL in degrees: azimuth in the (w1, w2) plane from the w1 axis, elevation above it (-90..90)",
        DefaultValueFactory = _ => Default,
        HelpName = "AZ,EL",
    };
}
