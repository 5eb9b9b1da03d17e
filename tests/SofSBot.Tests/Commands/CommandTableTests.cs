using SofSBot.Commands;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.Tests.Commands;

public sealed class CommandTableTests
{
    private static readonly FakeCommand Help = new(new CommandInfo("hjälp", "help", "Visar hjälpen.", "Shows help.", CommandAudience.Everyone, ["?"]));
    private static readonly FakeCommand MyData = new(new CommandInfo("mina data", "my data", "Dina data.", "Your data.", CommandAudience.Everyone));
    private static readonly FakeCommand My = new(new CommandInfo("mina", "mine", "Dina svar.", "Your answers.", CommandAudience.Everyone));

    private readonly CommandTable _table = new([Help, MyData, My]);

    [Theory]
    [InlineData("hjälp")]
    [InlineData("Hjälp")]
    [InlineData("HELP")]
    [InlineData("  help  ")]
    [InlineData("hjälp!")]
    [InlineData("help.")]
    [InlineData("?")]
    public void Command_word_matches_in_either_language_and_any_case(string text)
    {
        Assert.Same(Help, _table.Match(text)?.Command);
    }

    [Fact]
    public void Longest_command_wins_and_the_rest_is_kept_as_arguments_in_its_own_case()
    {
        var match = _table.Match("Mina   data Visa Allt");

        Assert.Same(MyData, match?.Command);
        Assert.Equal("Visa Allt", match?.Arguments);
    }

    [Theory]
    [InlineData("hjälpa")]
    [InlineData("hej")]
    [InlineData("")]
    [InlineData("data mina")]
    public void Other_text_matches_nothing(string text)
    {
        Assert.Null(_table.Match(text));
    }

    [Theory]
    [InlineData("Hjälp", true)]
    [InlineData("help", false)]
    public void Command_word_tells_the_language_it_was_written_in(string text, bool swedish)
    {
        var match = _table.Match(text)!;

        Assert.Equal(swedish ? Language.Swedish : Language.English, match.Command.Info.LanguageOf(match.Word));
    }

    [Fact]
    public void Language_neutral_word_leaves_the_language_to_the_locale()
    {
        var match = _table.Match("?")!;

        Assert.Null(match.Command.Info.LanguageOf(match.Word));
    }

    [Fact]
    public void Two_commands_with_the_same_word_are_refused_at_start()
    {
        var clash = new FakeCommand(new CommandInfo("hjälp", "assist", "", "", CommandAudience.Everyone));

        Assert.Throws<InvalidOperationException>(() => new CommandTable([Help, clash]));
    }

    private sealed class FakeCommand(CommandInfo info) : IBotCommand
    {
        public CommandInfo Info { get; } = info;

        public Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
