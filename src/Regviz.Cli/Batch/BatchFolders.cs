using Regviz.Core;

namespace Regviz.Cli.Batch;

/// <summary>Folders a batch writes into are created when missing; a failure names the option that gave the folder.</summary>
internal static class BatchFolders
{
    public static void Create(string path, string option)
    {
        try { Directory.CreateDirectory(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{option}: cannot create the folder '{path}' ({e.Message})");
        }
    }
}
