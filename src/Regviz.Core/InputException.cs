namespace Regviz.Core;

/// <summary>
/// A file that cannot be read or written, or a user's word the CLI cannot read; the message starts with the label its
/// caller gave (the library has no flags of its own). The CLI turns it, like <see cref="ProblemArgumentException"/>,
/// into one <c>error:</c> line and exit code 2; anything else escaping is a bug and keeps its stack trace.
/// </summary>
public sealed class InputException(string message) : Exception(message);
