using System.Text;
using Regviz.Core.IO;
using Regviz.Core.Sidecars;

namespace Regviz.Cli.Output;

/// <summary>Writes a sidecar to a file (atomically) or, for "-", to standard output.</summary>
internal static class JsonOut
{
    /// <summary>A command's sidecar: "-" is the run's stdout, and the run hears the bytes (a checking batch compares its numbers).</summary>
    public static void Write<T>(RunContext run, string target, T sidecar) where T : class =>
        Write(target, run.Output, sidecar, run.SidecarWritten);

    /// <summary>A sidecar nobody but its file hears of (a batch's summary).</summary>
    public static void Write<T>(string target, TextWriter stdout, T sidecar, Action<byte[]>? heard = null) where T : class
    {
        byte[] bytes;
        try { bytes = Sidecar.ToBytes(sidecar); }
        catch (NonFiniteNumberException)
        {
            // data near the limits of double precision (a cell of 1e-300 or 1e200) can overflow the result itself
            throw new Core.InputException("--json: a number of the result is not finite: the data's scale is beyond double precision (rescale the columns)");
        }
        heard?.Invoke(bytes);
        if (target == "-")
        {
            stdout.WriteLine(Encoding.UTF8.GetString(bytes));
            return;
        }
        AtomicFile.WriteAllBytes(target, [.. bytes, (byte)'\n']);
    }
}
