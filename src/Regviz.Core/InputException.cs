namespace Regviz.Core;

/// <summary>
/// A file that cannot be read or written, or a user's word the CLI cannot read; the message starts with the label its
/// caller gave (the library has no flags of its own). The CLI turns it, like <see cref="ProblemArgumentException"/>,
/// into one <c>error:</c> line and exit code 2; anything else escaping is a bug and keeps its stack trace.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>An error whose message says itself which input it is about.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>An error about the input <paramref name="label"/> names ("golden", "--data"): the message is "label: reason", and a caller that must tell inputs apart reads <see cref="Label"/>, not the message.</summary>
    public InputException(string label, string reason) : base($"{label}: {reason}") => (Label, Reason) = (label, reason);

    /// <summary>Which input, when the thrower said so separately; null otherwise.</summary>
    public string? Label { get; }

    /// <summary>What is wrong with it, without the label; null when <see cref="Label"/> is.</summary>
    public string? Reason { get; }
}
