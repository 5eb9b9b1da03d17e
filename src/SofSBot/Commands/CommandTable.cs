using System.Text.RegularExpressions;

namespace SofSBot.Commands;

/// <summary>
/// The table of text commands. A message matches the longest command word (or words, e.g.
/// "mina data") it starts with, ignoring case, extra spaces and closing punctuation.
/// </summary>
internal sealed partial class CommandTable
{
    private readonly List<(string Alias, IBotCommand Command)> _aliases;

    public CommandTable(IEnumerable<IBotCommand> commands)
    {
        Commands = [.. commands];
        _aliases = [.. Commands
            .SelectMany(command => command.Info.Aliases.Select(alias => (Alias: Normalize(alias), Command: command)))
            .OrderByDescending(entry => entry.Alias.Length)];

        var duplicate = _aliases.GroupBy(entry => entry.Alias).FirstOrDefault(group => group.Select(e => e.Command).Distinct().Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two commands share the word '{duplicate.Key}'.");
        }
    }

    public IReadOnlyList<IBotCommand> Commands { get; }

    public CommandMatch? Match(string text)
    {
        var normalized = Normalize(text);
        foreach (var (alias, command) in _aliases)
        {
            if (normalized == alias)
            {
                return new CommandMatch(command, alias, string.Empty);
            }

            if (normalized.StartsWith(alias + " ", StringComparison.Ordinal))
            {
                // Arguments keep the user's own casing: only the command word is normalized.
                var words = alias.Split(' ').Length;
                var arguments = Whitespace().Split(text.Trim(), words + 1);
                return new CommandMatch(command, alias, arguments.Length > words ? arguments[words].Trim() : string.Empty);
            }
        }

        return null;
    }

    private static string Normalize(string text)
    {
        var collapsed = Whitespace().Replace(text.Trim(), " ").ToLowerInvariant();
        // "hjälp!" and "help." mean "hjälp" and "help"; a lone "?" stays a command word.
        return collapsed.Length > 1 ? collapsed.TrimEnd('.', '!', '?', ' ') : collapsed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
