using SofSBot.BotFramework.Cards;

namespace SofSBot.BotFramework.Tests.Cards;

/// <summary>
/// Text that users typed (or Teams display names) is placed in TextBlocks, where Teams reads the
/// Markdown subset: escaped, it shows as written and never becomes a link, emphasis, a list or a heading.
/// </summary>
public sealed class MarkdownTests
{
    [Theory]
    [InlineData("[Logga in](https://evil.example)", @"\[Logga in\](https://evil.example)")]
    [InlineData("<https://evil.example>", @"\<https://evil.example\>")]
    [InlineData("**fet** och _kursiv_", @"\*\*fet\*\* och \_kursiv\_")]
    [InlineData("`kod` ~~struken~~", @"\`kod\` \~\~struken\~\~")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("&lt;b&gt; &#45;", @"\&lt;b\&gt; \&#45;")]
    [InlineData("{{DATE(2026-12-07T10:00:00Z)}}", @"\{\{DATE(2026-12-07T10:00:00Z)\}\}")]
    [InlineData("a | b", @"a \| b")]
    public void Markup_anywhere_in_the_text_is_escaped(string text, string escaped)
    {
        Assert.Equal(escaped, Markdown.Escape(text));
    }

    [Theory]
    [InlineData("# Rubrik", @"\# Rubrik")]
    [InlineData("- punkt", @"\- punkt")]
    [InlineData("+ punkt", @"\+ punkt")]
    [InlineData("1. ett", @"1\. ett")]
    [InlineData("12) tolv", @"12\) tolv")]
    [InlineData("> citat", @"\> citat")]
    [InlineData("===", @"\===")]
    [InlineData("rad ett\n  - två\n3. tre", "rad ett\n  \\- två\n3\\. tre")]
    public void Block_markup_at_the_start_of_a_line_is_escaped(string text, string escaped)
    {
        Assert.Equal(escaped, Markdown.Escape(text));
    }

    [Theory]
    [InlineData("Sara Nilsson")]
    [InlineData("Anna-Karin Öberg")]
    [InlineData("Bra jobbat! Mötet 2026-12-07 kl. 08.30 (v. 50) gick 1-0 till familjen.")]
    [InlineData("Utredningsteam 1")]
    [InlineData("")]
    public void Ordinary_text_is_left_as_it_is(string text)
    {
        Assert.Equal(text, Markdown.Escape(text));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal(string.Empty, Markdown.Escape(null));
    }
}
