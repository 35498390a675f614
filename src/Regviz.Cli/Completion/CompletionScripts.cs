using System.Text;

namespace Regviz.Cli.Completion;

/// <summary>
/// The completion scripts of <c>regviz completion SHELL</c>: static tables of commands, options and enumerated
/// values written from <see cref="CompletionModel"/>, so completing costs no regviz process per key press.
/// </summary>
internal static class CompletionScripts
{
    public static string For(string shell, IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> rootOptions) => shell switch
    {
        "bash" => Bash(commands, rootOptions),
        // zsh runs the bash function through its bash-compatible completion layer
        "zsh" => "# zsh completion for regviz: add  source <(regviz completion zsh)  to ~/.zshrc\n"
            + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + Bash(commands, rootOptions),
        "fish" => Fish(commands, rootOptions),
        "pwsh" => PowerShell(commands, rootOptions),
        _ => throw new ArgumentOutOfRangeException(nameof(shell)),
    };

    private static string Words(IEnumerable<string> words) => string.Join(" ", words);

    private static string Bash(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> rootOptions)
    {
        var s = new StringBuilder();
        s.Append("""
            # bash completion for regviz: source <(regviz completion bash), or save it as
            # ~/.local/share/bash-completion/completions/regviz
            _regviz() {
                local cur prev cmd i
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                cmd=""
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
                        -*) ;;
                        *) cmd="${COMP_WORDS[i]}"; break ;;
                    esac
                done
                if [[ -z "$cmd" ]]; then

            """);
        s.Append($"        COMPREPLY=($(compgen -W \"{Words(commands.Select(c => c.Name).Concat(rootOptions.SelectMany(o => o.Names)))}\" -- \"$cur\"))\n");
        s.Append("        return\n    fi\n    case \"$cmd\" in\n");
        foreach (var c in commands)
        {
            s.Append($"    {c.Name})\n        case \"$prev\" in\n");
            foreach (var o in c.Options.Where(o => o.TakesValue))
            {
                string reply = o.Values.Count > 0 ? $"COMPREPLY=($(compgen -W \"{Words(o.Values)}\" -- \"$cur\"))"
                    : o.TakesFile ? "COMPREPLY=($(compgen -f -- \"$cur\"))"
                    : "COMPREPLY=()";
                s.Append($"        {string.Join("|", o.Names)}) {reply}; return ;;\n");
            }
            s.Append("        esac\n");
            string words = Words(c.Options.SelectMany(o => o.Names).Concat(c.Arguments));
            string files = c.Arguments.Count == 0 && c.Name is "compare" or "batch" ? " -f" : "";
            s.Append($"        COMPREPLY=($(compgen{files} -W \"{words}\" -- \"$cur\")) ;;\n");
        }
        s.Append("    esac\n}\ncomplete -o filenames -F _regviz regviz\n");
        return s.ToString();
    }

    private static string FishQuote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static string Fish(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> rootOptions)
    {
        var s = new StringBuilder("# fish completion for regviz: regviz completion fish > ~/.config/fish/completions/regviz.fish\n");
        s.Append("complete -c regviz -f\n");
        string names = Words(commands.Select(c => c.Name));
        foreach (var c in commands)
            s.Append($"complete -c regviz -n 'not __fish_seen_subcommand_from {names}' -a {c.Name} -d {FishQuote(c.Description)}\n");
        foreach (var o in rootOptions) s.Append($"complete -c regviz -n 'not __fish_seen_subcommand_from {names}' {FishSwitches(o)}\n");
        foreach (var c in commands)
        {
            if (c.Arguments.Count > 0)
                s.Append($"complete -c regviz -n '__fish_seen_subcommand_from {c.Name}' -a {FishQuote(Words(c.Arguments))}\n");
            if (c.Name is "compare" or "batch") s.Append($"complete -c regviz -n '__fish_seen_subcommand_from {c.Name}' -F\n");
            foreach (var o in c.Options) s.Append($"complete -c regviz -n '__fish_seen_subcommand_from {c.Name}' {FishSwitches(o)}\n");
        }
        return s.ToString();
    }

    private static string FishSwitches(CompletedOption o)
    {
        var parts = new List<string>();
        foreach (string n in o.Names)
            // quoted: fish globs an unquoted ? (as in -?), and a glob with no match fails the whole complete line
            parts.Add(n.StartsWith("--") ? $"-l {n[2..]}" : n.Length == 2 ? $"-s {FishQuote(n[1..])}" : $"-o {FishQuote(n[1..])}");
        if (o.TakesValue) parts.Add(o.TakesFile ? "-r -F" : "-r");
        if (o.Values.Count > 0) parts.Add($"-a {FishQuote(Words(o.Values))}");
        parts.Add($"-d {FishQuote(o.Description)}");
        return string.Join(" ", parts);
    }

    private static string PsQuote(string text) => "'" + text.Replace("'", "''") + "'";

    private static string PsList(IEnumerable<string> words) => "@(" + string.Join(", ", words.Select(PsQuote)) + ")";

    private static string PowerShell(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> rootOptions)
    {
        var s = new StringBuilder("# PowerShell completion for regviz: regviz completion pwsh | Out-String | Invoke-Expression (add it to $PROFILE)\n");
        s.Append("$regvizCommands = @{\n");
        foreach (var c in commands) s.Append($"    {PsQuote(c.Name)} = {PsList(c.Options.SelectMany(o => o.Names).Concat(c.Arguments))}\n");
        s.Append("}\n$regvizValues = @{\n");
        foreach (var c in commands)
            foreach (var o in c.Options.Where(o => o.Values.Count > 0))
                foreach (string n in o.Names) s.Append($"    {PsQuote(c.Name + " " + n)} = {PsList(o.Values)}\n");
        s.Append("}\n");
        s.Append($"$regvizRoot = {PsList(commands.Select(c => c.Name).Concat(rootOptions.SelectMany(o => o.Names)))}\n");
        s.Append("""
            Register-ArgumentCompleter -Native -CommandName regviz -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
                if ($wordToComplete -ne '' -and $words.Count -gt 0 -and $words[-1] -eq $wordToComplete) { $words = $words[0..($words.Count - 2)] }
                $command = $words | Select-Object -Skip 1 | Where-Object { $_ -notlike '-*' } | Select-Object -First 1
                if (-not $command) { $candidates = $regvizRoot }
                elseif ($regvizValues.ContainsKey("$command $($words[-1])")) { $candidates = $regvizValues["$command $($words[-1])"] }
                else { $candidates = $regvizCommands[$command] }
                $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """);
        return s.ToString();
    }
}
