namespace Regviz.Core;

/// <summary>
/// A problem with what the user asked for or gave (options, files, data). The CLI turns it into one
/// <c>error:</c> line and exit code 2; anything else escaping is a bug and keeps its stack trace.
/// </summary>
public sealed class InputException(string message) : Exception(message);
