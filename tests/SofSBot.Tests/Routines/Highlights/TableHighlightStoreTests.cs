using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Localization;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Storage;
using SofSBot.TestSupport;
using SofSBot.Tests.Infrastructure;

namespace SofSBot.Tests.Routines.Highlights;

[Collection(AzuriteCollection.Name)]
public sealed class TableHighlightStoreTests(AzuriteFixture azurite) : IDisposable
{
    private const string TeamId = "19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2";
    private const string OtherTeamId = "19:0a0b0c0d@thread.tacv2";
    private const string Sara = "29:1sara";
    private const string Ahmed = "29:1ahmed";

    // Monday of ISO week 48 of 2026.
    private static readonly DateOnly MeetingDate = new(2026, 11, 23);
    private static readonly IsoWeek Week48 = new(2026, 48);
    private static readonly HighlightMeeting Meeting = new("s1.20261123", MeetingDate, new TimeOnly(8, 30), Language.Swedish);

    private readonly string _prefix = "h" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Week_highlights_are_listed_with_names_texts_and_when_they_were_added()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Nätverksmötet gick bra", Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Ahmed, "Ahmed Hassan", "Familjen tog fram en egen plan", Ct);

        var listed = await store.ListAsync(TeamId, 2026, 48, Ct);

        Assert.Equal(
            [
                new Highlight(Sara, "Sara Nilsson", "Nätverksmötet gick bra", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
                new Highlight(Ahmed, "Ahmed Hassan", "Familjen tog fram en egen plan", new DateTimeOffset(2026, 11, 23, 9, 5, 0, TimeSpan.Zero)),
            ],
            listed);
        Assert.Empty(await store.ListAsync(TeamId, 2026, 47, Ct));
        Assert.Empty(await store.ListAsync(OtherTeamId, 2026, 48, Ct));
    }

    [Fact]
    public async Task The_app_offers_the_week_highlights_to_other_routines_from_this_store()
    {
        await using var app = new SofSBotApp(azurite);

        Assert.IsType<TableHighlightStore>(app.GetService<IWeekHighlights>());
        Assert.Empty(await app.GetService<IWeekHighlights>().ListAsync(TeamId, 2026, 48, Ct));
    }

    [Fact]
    public async Task A_member_has_one_highlight_a_week_and_changing_it_keeps_when_it_was_added()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);

        Assert.Equal(HighlightOutcome.Added, await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Först", Ct));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HighlightOutcome.Changed, await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Sedan", Ct));

        var only = Assert.Single(await store.ListAsync(TeamId, 2026, 48, Ct));
        Assert.Equal("Sedan", only.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), only.AddedAt);
    }

    [Fact]
    public async Task The_same_change_twice_is_stored_once_and_moves_the_version_once()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);
        var before = await store.ReadVersionAsync(TeamId, Week48, Ct);

        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Samma", Ct);
        Assert.Equal(HighlightOutcome.Unchanged, await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Samma", Ct));

        Assert.Single(await store.ListAsync(TeamId, 2026, 48, Ct));
        Assert.Equal(before + 1, await store.ReadVersionAsync(TeamId, Week48, Ct));
    }

    [Fact]
    public async Task Changes_for_a_meeting_the_team_does_not_have_store_nothing()
    {
        var store = Store();
        await store.SaveMeetingAsync(OtherTeamId, Meeting, Ct);

        Assert.Equal(HighlightOutcome.NoSuchMeeting, await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Text", Ct));
        Assert.Equal(HighlightOutcome.NoSuchMeeting, await store.SetAsync(OtherTeamId, new IsoWeek(2026, 47), Meeting.MeetingId, Sara, "Sara Nilsson", "Text", Ct));

        Assert.Empty(await store.ListAsync(TeamId, 2026, 48, Ct));
        Assert.Empty(await store.ListAsync(OtherTeamId, 2026, 47, Ct));
    }

    [Fact]
    public async Task A_member_removes_only_their_own_highlight()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Saras", Ct);
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Ahmed, "Ahmed Hassan", "Ahmeds", Ct);

        Assert.Equal(HighlightOutcome.Removed, await store.RemoveAsync(TeamId, Week48, Meeting.MeetingId, Ahmed, Ct));
        Assert.Equal(HighlightOutcome.NothingToRemove, await store.RemoveAsync(TeamId, Week48, Meeting.MeetingId, Ahmed, Ct));

        Assert.Equal(["Saras"], (await store.ListAsync(TeamId, 2026, 48, Ct)).Select(h => h.Text));
    }

    [Fact]
    public async Task The_board_knows_its_meetings_and_a_second_save_of_a_meeting_changes_nothing()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);
        var version = await store.ReadVersionAsync(TeamId, Week48, Ct);
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);

        var board = await store.ReadAsync(TeamId, Week48, Ct);
        Assert.Equal(Meeting, board.Meeting(Meeting.MeetingId));
        Assert.Equal(version, board.Version);
    }

    [Fact]
    public async Task Highlights_written_before_the_cutoff_are_deleted_in_every_team_and_younger_ones_kept()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);
        await store.SaveMeetingAsync(OtherTeamId, Meeting, Ct);
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Gammal", Ct);
        await store.SetAsync(OtherTeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Också gammal", Ct);
        _time.Advance(TimeSpan.FromDays(2));
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Ahmed, "Ahmed Hassan", "Ny", Ct);

        Assert.Equal(2, await store.DeleteWrittenBeforeAsync(_time.GetUtcNow().AddDays(-1), Ct));

        Assert.Equal(["Ny"], (await store.ListAsync(TeamId, 2026, 48, Ct)).Select(h => h.Text));
        Assert.Empty(await store.ListAsync(OtherTeamId, 2026, 48, Ct));
        var texts = (await Rows()).Select(row => row.GetString("Text")).OfType<string>();
        Assert.Equal(["Ny"], texts);
    }

    [Fact]
    public async Task Rows_are_keyed_by_team_and_iso_week_then_by_member()
    {
        var store = Store();
        await store.SaveMeetingAsync(TeamId, Meeting, Ct);
        await store.SetAsync(TeamId, Week48, Meeting.MeetingId, Sara, "Sara Nilsson", "Text", Ct);

        var highlight = Assert.Single(await Rows(), row => row.GetString("Kind") == "highlight");
        Assert.Equal(TeamId + "|2026-W48", highlight.PartitionKey);
        Assert.Equal("highlight|" + Sara, highlight.RowKey);
    }

    public void Dispose() => _timeout.Dispose();

    private async Task<List<TableEntity>> Rows()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableServiceClient.GetTableClient(_prefix + TableHighlightStore.TableName).QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private TableHighlightStore Store() => new(
        new TableProvider(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix })),
        _time);
}
