using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// The appreciative-inquiry card through the real bot behind the Agents Playground: Karin posts it
/// into Teammöte ("skicka nu"), Sara volunteers to tell her story and Ahmed writes what the team takes
/// with it; the card in the channel is replaced in place after each. The posted card is Swedish (the
/// schedule's language); the acting users' own views come back in English (the Playground's locale).
/// </summary>
public sealed class AppreciativeInquiryTests(TeamLeaderInPlaygroundFixture leaderFixture) : IClassFixture<TeamLeaderInPlaygroundFixture>, IDisposable
{
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));

    private BotInPlaygroundFixture Fixture => leaderFixture.Inner;

    private CancellationToken Token => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Sara_volunteers_and_Ahmed_writes_the_note_and_the_channel_card_shows_both()
    {
        var sara = Fixture.Config.User("Sara Nilsson");
        var ahmed = Fixture.Config.User("Ahmed Hassan");

        var (thread, posted) = await RoutineInPlayground.PostNowAsync(Fixture, "AppreciativeInquiry", "Swedish", Token);

        var card = posted.AdaptiveCard!;
        Assert.StartsWith("Uppskattande intervju – vecka ", CardJson.Heading(card), StringComparison.Ordinal);
        var postedText = CardJson.Text(card);
        Assert.Contains("Vem vill berätta om något som gick bra?", postedText, StringComparison.Ordinal);
        Assert.Contains("Frågor att ställa", postedText, StringComparison.Ordinal);
        Assert.Contains("6. ", postedText, StringComparison.Ordinal);

        // Sara: "Jag ställer upp".
        var volunteer = CardJson.ExecuteActions(card, InquiryCards.VolunteerVerb).Single();
        var sarasView = await RoutineInPlayground.InvokeForCardAsync(
            Fixture, thread, sara.Id, posted.MessageId, InquiryCards.VolunteerVerb, (JsonObject)volunteer["data"]!.DeepClone(), Token);

        Assert.Contains("You are telling the story this time", CardJson.Text(sarasView), StringComparison.Ordinal);
        var afterVolunteer = await WaitForSharedCardAsync(posted, "Sara Nilsson ställer upp och berättar.");
        Assert.Contains(sara.Id, afterVolunteer["refresh"]?["userIds"]?.AsArray().Select(id => id!.GetValue<string>()) ?? []);

        // Ahmed writes the note on the card as the channel now shows it.
        const string Note = "Fråga barnet först – då lyssnar föräldrarna. Berätta om det på nästa APT.";
        var save = CardJson.ExecuteActions(afterVolunteer, InquiryCards.SaveNoteVerb).Single();
        var noteData = CardJson.FilledIn(afterVolunteer, save);
        noteData[InquiryCards.NoteInputId] = Note;
        var ahmedsView = await RoutineInPlayground.InvokeForCardAsync(
            Fixture, thread, ahmed.Id, posted.MessageId, InquiryCards.SaveNoteVerb, noteData, Token);

        Assert.Contains("The note is saved.", CardJson.Text(ahmedsView), StringComparison.Ordinal);
        var afterNote = CardJson.Text(await WaitForSharedCardAsync(posted, Note));
        Assert.Contains("Sparad av Ahmed Hassan", afterNote, StringComparison.Ordinal);
        Assert.Contains("Sara Nilsson ställer upp och berättar.", afterNote, StringComparison.Ordinal);

        var rows = await LearningLogAsync();
        var meeting = Assert.Single(rows, row => row.RowKey == TableLearningLog.MeetingRowKey);
        Assert.Equal(sara.Id, meeting.GetString("IntervieweeId"));
        var note = Assert.Single(rows, row => row.RowKey.StartsWith(TableLearningLog.NoteRowKeyPrefix, StringComparison.Ordinal));
        Assert.Equal(Note, note.GetString("Text"));
        Assert.Equal(ahmed.Id, note.GetString("AuthorId"));
    }

    /// <summary>Waits for the posted card to be replaced in place with one that says <paramref name="text"/>.</summary>
    private async Task<JsonObject> WaitForSharedCardAsync(PlaygroundOutput posted, string text)
    {
        try
        {
            var update = await Fixture.Playground.Output.WaitForMessageAsync(
                m => !m.IsCreate && m.MessageId == posted.MessageId && m.AdaptiveCard is { } card && CardJson.Text(card).Contains(text, StringComparison.Ordinal),
                BotTimeout,
                Token);
            return update.AdaptiveCard!;
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{Fixture.Diagnostics()}", exception);
        }
    }

    private async Task<List<TableEntity>> LearningLogAsync()
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Fixture.Table(TableLearningLog.TableName).QueryAsync<TableEntity>(cancellationToken: Token))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Not created: nothing stored.
        }

        return rows;
    }
}
