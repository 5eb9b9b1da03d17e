using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.Routines.CaseSupervision;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// The case-supervision card through the real bot behind the Agents Playground: Karin posts it into
/// Teammöte ("skicka nu" on a Swedish schedule), Sara and Ahmed book the two slots by pressing the
/// card's button as themselves, the card in the channel is updated in place to show both, and Karin,
/// pressing the same button on the card as she first saw it, is told the slots are full. Answers to a
/// member's own actions are in English (the Playground sends en-US); the channel card stays Swedish.
/// </summary>
public sealed class CaseSupervisionTests(TeamLeaderInPlaygroundFixture leaderFixture) : IClassFixture<TeamLeaderInPlaygroundFixture>, IDisposable
{
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));

    private BotInPlaygroundFixture Fixture => leaderFixture.Inner;

    private CancellationToken Token => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Two_members_book_the_two_slots_the_channel_card_shows_both_and_a_third_is_told_it_is_full()
    {
        var config = Fixture.Config;
        var sara = config.User("Sara Nilsson");
        var ahmed = config.User("Ahmed Hassan");
        var karin = config.CurrentUser;

        var posted = await RoutineInPlayground.PostNowAsync(Fixture, "CaseSupervision", "Swedish", Token);
        var card = posted.Card.AdaptiveCard!;
        var postedText = CardJson.Text(card);
        Assert.StartsWith("Ärendehandledning i grupp – vecka ", CardJson.Heading(card), StringComparison.Ordinal);
        Assert.Contains("Plats 1: Ledig", postedText, StringComparison.Ordinal);
        Assert.Contains("Plats 2: Ledig", postedText, StringComparison.Ordinal);
        // The roster comes from the Playground's team: everyone is still to present this half-year.
        Assert.Contains("Har inte presenterat än i ", postedText, StringComparison.Ordinal);
        Assert.Contains("Sara Nilsson", postedText, StringComparison.Ordinal);
        Assert.Contains("Mikael Öberg", postedText, StringComparison.Ordinal);

        var book = CardJson.ExecuteActions(card, CaseSupervisionCard.BookVerb).Single();

        var saraForm = CardJson.FilledIn(card, book);
        saraForm[CaseSupervisionCard.QuestionInputId] = "Hur får vi med nätverket i säkerhetsplaneringen?";
        var saraView = await BookAsync(posted, sara.Id, saraForm);
        Assert.Contains("You have booked slot 1. Thank you!", CardJson.Text(saraView), StringComparison.Ordinal);
        Assert.Contains("Your cases this ", CardJson.Text(saraView), StringComparison.Ordinal);
        await WaitForChannelCardAsync(posted, "Plats 1: Sara Nilsson");

        var ahmedView = await BookAsync(posted, ahmed.Id, CardJson.FilledIn(card, book));
        Assert.Contains("You have booked slot 2. Thank you!", CardJson.Text(ahmedView), StringComparison.Ordinal);
        var updated = await WaitForChannelCardAsync(posted, "Plats 2: Ahmed Hassan");
        var updatedText = CardJson.Text(updated);
        Assert.Contains("Plats 1: Sara Nilsson", updatedText, StringComparison.Ordinal);
        Assert.Contains("Hur får vi med nätverket i säkerhetsplaneringen?", updatedText, StringComparison.Ordinal);
        Assert.Contains("Alla platser är bokade.", updatedText, StringComparison.Ordinal);
        Assert.Equal(
            [ahmed.Id, sara.Id],
            updated["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order(StringComparer.Ordinal));

        var karinView = await BookAsync(posted, karin.Id, CardJson.FilledIn(card, book));
        Assert.Contains("Sorry, all 2 slots are already booked.", CardJson.Text(karinView), StringComparison.Ordinal);

        var bookings = await StoredBookingsAsync();
        Assert.Equal([ahmed.Id, sara.Id], bookings.Select(b => b.GetString("UserId")).Order(StringComparer.Ordinal));
    }

    private Task<JsonObject> BookAsync(PostedRoutine posted, string userId, JsonObject data) =>
        RoutineInPlayground.InvokeForCardAsync(Fixture, posted.Thread, userId, posted.Card.MessageId, CaseSupervisionCard.BookVerb, data, Token);

    /// <summary>The posted card as replaced in the channel (an <c>updateMessage</c> of its message id) once it shows <paramref name="text"/>.</summary>
    private async Task<JsonObject> WaitForChannelCardAsync(PostedRoutine posted, string text)
    {
        try
        {
            var update = await Fixture.Playground.Output.WaitForMessageAsync(
                m => !m.IsCreate && m.MessageId == posted.Card.MessageId && m.AdaptiveCard is { } card && CardJson.Text(card).Contains(text, StringComparison.Ordinal),
                BotTimeout,
                Token);
            return update.AdaptiveCard!;
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{Fixture.Diagnostics()}", exception);
        }
    }

    private async Task<List<TableEntity>> StoredBookingsAsync()
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Fixture.Table(TableCaseSupervisionStore.TableName).QueryAsync<TableEntity>(cancellationToken: Token))
            {
                if (row.RowKey.StartsWith("booking|", StringComparison.Ordinal))
                {
                    rows.Add(row);
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Not created: nothing booked.
        }

        return rows;
    }
}
