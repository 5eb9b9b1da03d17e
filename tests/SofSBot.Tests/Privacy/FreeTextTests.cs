using SofSBot.Privacy;

namespace SofSBot.Tests.Privacy;

/// <summary>
/// The one guard for every free text the bot stores: a personal identity number is looked for first,
/// whatever the text's length, and a refused text is never handed back to be shown again.
/// </summary>
public sealed class FreeTextTests
{
    [Fact]
    public void A_number_in_a_text_over_the_limit_is_refused_for_the_number_and_the_text_is_not_kept()
    {
        var check = FreeText.Check("Pojken 811218\u20149876 " + new string('a', 600), maxLength: 500);

        Assert.Equal(FreeTextProblem.PersonalIdentityNumber, check.Problem);
        Assert.Equal(string.Empty, check.Text);
        Assert.Equal(string.Empty, check.Draft);
    }

    [Fact]
    public void A_text_over_the_limit_is_too_long_and_kept_as_the_draft_to_shorten()
    {
        var text = new string('a', 501);

        var check = FreeText.Check(text, maxLength: 500);

        Assert.Equal(FreeTextProblem.TooLong, check.Problem);
        Assert.Equal(text, check.Draft);
    }

    [Theory]
    [InlineData("  Bra möte\r\nmed familjen \n", "Bra möte\nmed familjen")]
    [InlineData("kl. 08.30 den 2026-12-07", "kl. 08.30 den 2026-12-07")]
    public void Accepted_text_is_trimmed_with_line_breaks_as_newlines(string text, string stored)
    {
        var check = FreeText.Check(text, maxLength: 500);

        Assert.Equal(FreeTextProblem.None, check.Problem);
        Assert.True(check.IsAccepted);
        Assert.Equal(stored, check.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void Blank_text_is_empty(string? text)
    {
        Assert.Equal(FreeTextProblem.Empty, FreeText.Check(text, maxLength: 10).Problem);
    }

    [Fact]
    public void The_limit_counts_the_stored_text_so_a_trailing_newline_does_not_count()
    {
        Assert.True(FreeText.Check(new string('a', 10) + "\r\n", maxLength: 10).IsAccepted);
    }
}
