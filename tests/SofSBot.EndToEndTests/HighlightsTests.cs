using System.Text.Json.Nodes;
using Azure.Data.Tables;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.Routines.Highlights;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// Members use the highlights card through the real bot behind the Agents Playground: Karin posts it
/// into Teammöte with "skicka nu" (Swedish schedule), then Sara and Ahmed press its buttons as Teams
/// would. Their own views come back in English (the Playground's locale); the channel's card is
/// replaced in place (<c>updateMessage</c>) and stays Swedish.
/// </summary>
public sealed class HighlightsTests(TeamLeaderInPlaygroundFixture leaderFixture) : IClassFixture<TeamLeaderInPlaygroundFixture>, IDisposable
{
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));

    private BotInPlaygroundFixture Fixture => leaderFixture.Inner;

    private CancellationToken Token => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Sara_and_Ahmed_add_highlights_Sara_changes_hers_and_the_channels_card_shows_both_names_and_the_count()
    {
        var (thread, posted) = await RoutineInPlayground.PostNowAsync(Fixture, "Highlights", "Swedish", Token);
        var card = posted.AdaptiveCard!;
        Assert.StartsWith("Veckans highlights – vecka ", CardJson.Heading(card), StringComparison.Ordinal);
        var sara = Fixture.Config.User("Sara Nilsson");
        var ahmed = Fixture.Config.User("Ahmed Hassan");

        var sarasView = await AddAsync(thread, posted, sara.Id, "Nätverksmötet med mormor gick jättebra");
        Assert.Contains("Your highlight was added.", CardJson.Text(sarasView), StringComparison.Ordinal);
        await AddAsync(thread, posted, ahmed.Id, "Genogrammet öppnade samtalet med pappan");

        var change = Assert.Single(CardJson.ExecuteActions(sarasView, HighlightsCard.SaveVerb));
        var edited = CardJson.FilledIn(sarasView, change);
        edited[HighlightsCardData.TextField] = "Nätverksmötet med mormor och grannen gick jättebra";
        var changedView = await RoutineInPlayground.InvokeForCardAsync(Fixture, thread, sara.Id, posted.MessageId, HighlightsCard.SaveVerb, edited, Token);
        Assert.Contains("Your highlight was changed.", CardJson.Text(changedView), StringComparison.Ordinal);

        var update = await Fixture.Playground.Output.WaitForMessageAsync(
            m => m.Action == PlaygroundOutput.UpdateMessage && m.MessageId == posted.MessageId
                && m.AdaptiveCard is { } shared && CardJson.Text(shared).Contains("och grannen", StringComparison.Ordinal)
                && CardJson.Text(shared).Contains("Ahmed Hassan", StringComparison.Ordinal),
            BotTimeout,
            Token);
        var sharedCard = update.AdaptiveCard!;
        var texts = TextBlocks(sharedCard);
        Assert.Contains("**Sara Nilsson**", texts);
        Assert.Contains("Nätverksmötet med mormor och grannen gick jättebra", texts);
        Assert.DoesNotContain("Nätverksmötet med mormor gick jättebra", texts);
        Assert.Contains("**Ahmed Hassan**", texts);
        Assert.Contains("Genogrammet öppnade samtalet med pappan", texts);
        Assert.Contains("2 highlights", texts);
        Assert.Equal("sv", sharedCard["lang"]?.GetValue<string>());
        Assert.Equal(
            new[] { sara.Id, ahmed.Id }.Order(StringComparer.Ordinal),
            sharedCard["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_highlight_with_a_personal_identity_number_is_refused_and_neither_the_number_nor_the_text_is_stored()
    {
        var (thread, posted) = await RoutineInPlayground.PostNowAsync(Fixture, "Highlights", "Swedish", Token);
        var elin = Fixture.Config.User("Elin Andersson");

        var refused = await AddAsync(thread, posted, elin.Id, "Hembesöket hos familjen 19121212-1212 gick bra");

        var text = CardJson.Text(refused);
        Assert.Contains("The text seems to contain a Swedish personal identity number or coordination number.", text, StringComparison.Ordinal);
        // Whole parts of the number: "1212" alone turns up by chance in random ids, ETags and dates.
        Assert.DoesNotContain("121212-1212", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12121212", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, CardJson.Input(refused, HighlightsCardData.TextField)["value"]?.GetValue<string>());
        var stored = new List<string>();
        await foreach (var row in Fixture.Table(TableHighlightsStore.TableName).QueryAsync<TableEntity>(cancellationToken: Token))
        {
            stored.AddRange(row.Select(property => property.Value?.ToString() ?? string.Empty));
        }

        Assert.NotEmpty(stored); // the card's meeting is stored, so the table was read
        Assert.DoesNotContain(stored, value => value.Contains("121212-1212", StringComparison.Ordinal) || value.Contains("12121212", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, value => value.Contains("Hembesöket", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, value => value == elin.Id);
    }

    /// <summary>Types <paramref name="text"/> into the card's input and presses its add button, as the member.</summary>
    private Task<JsonObject> AddAsync(string thread, PlaygroundOutput posted, string userId, string text)
    {
        var card = posted.AdaptiveCard!;
        var add = Assert.Single(CardJson.ExecuteActions(card, HighlightsCard.SaveVerb));
        var data = CardJson.FilledIn(card, add);
        data[HighlightsCardData.TextField] = text;
        return RoutineInPlayground.InvokeForCardAsync(Fixture, thread, userId, posted.MessageId, HighlightsCard.SaveVerb, data, Token);
    }

    private static List<string> TextBlocks(JsonObject card) =>
        [.. CardJson.Elements(card["body"]).Where(e => e["type"]?.GetValue<string>() == "TextBlock").Select(e => e["text"]!.GetValue<string>())];
}
