using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Routines.Highlights;

[Collection(AzuriteCollection.Name)]
public sealed class TableHighlightsStoreTests(AzuriteFixture azurite) : IDisposable
{
    private const string TeamId = "19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2";
    private const string OtherTeamId = "19:0a0b0c0d@thread.tacv2";
    private const string ChannelId = "19:0b5f1e2d3c4a4b9e8f7a6d5c4b3a2e1f@thread.tacv2";
    private const string Sara = "29:1sara";
    private const string Ahmed = "29:1ahmed";

    // Thursday of ISO week 48, 2026.
    private static readonly DateOnly MeetingDate = new(2026, 11, 26);
    private static readonly IsoWeek Week48 = new(2026, 48);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = "h" + Guid.NewGuid().ToString("N")[..12];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task The_app_lists_a_weeks_highlights_through_IWeekHighlights()
    {
        await using var app = new SofSBotApp(azurite);
        var store = app.GetService<IHighlightsStore>();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Familjen kom på nätverksmötet", Ct);

        var highlights = await app.GetService<IWeekHighlights>().ListAsync(TeamId, 2026, 48, Ct);

        var highlight = Assert.Single(highlights);
        Assert.Equal((Sara, "Sara Nilsson", "Familjen kom på nätverksmötet"), (highlight.UserId, highlight.UserName, highlight.Text));
        Assert.Empty(await app.GetService<IWeekHighlights>().ListAsync(TeamId, 2026, 47, Ct));
        Assert.Empty(await app.GetService<IWeekHighlights>().ListAsync(OtherTeamId, 2026, 48, Ct));
    }

    [Fact]
    public async Task Highlights_are_listed_oldest_first_with_when_they_were_added()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Ett bra nätverksmöte", Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Ahmed, "Ahmed Hassan", "Genogrammet hjälpte", Ct);

        var highlights = await store.ListAsync(TeamId, 2026, 48, Ct);

        Assert.Equal(["Sara Nilsson", "Ahmed Hassan"], highlights.Select(h => h.UserName));
        Assert.Equal(_time.GetUtcNow().AddMinutes(-5), highlights[0].AddedAt);
    }

    [Fact]
    public async Task A_member_has_one_highlight_a_week_and_saving_again_replaces_it()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        Assert.Equal(HighlightWrite.Added, await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Först", Ct));
        var addedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HighlightWrite.Changed, await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Sedan", Ct));

        var highlight = Assert.Single(await store.ListAsync(TeamId, 2026, 48, Ct));
        Assert.Equal(("Sedan", addedAt), (highlight.Text, highlight.AddedAt));
    }

    [Fact]
    public async Task Saving_the_same_text_again_writes_nothing()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Ett bra nätverksmöte", Ct);
        var version = (await store.ReadAsync(TeamId, Week48, Ct)).Version;

        Assert.Equal(HighlightWrite.Unchanged, await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Ett bra nätverksmöte", Ct));
        Assert.Equal(HighlightWrite.Unchanged, await store.RemoveAsync(TeamId, Week48, "s1.20261126", Ahmed, Ct));

        Assert.Equal(version, (await store.ReadAsync(TeamId, Week48, Ct)).Version);
    }

    [Fact]
    public async Task A_removed_highlight_is_gone_and_others_stay()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Saras", Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Ahmed, "Ahmed Hassan", "Ahmeds", Ct);

        Assert.Equal(HighlightWrite.Removed, await store.RemoveAsync(TeamId, Week48, "s1.20261126", Sara, Ct));

        Assert.Equal(["Ahmeds"], (await store.ListAsync(TeamId, 2026, 48, Ct)).Select(h => h.Text));
    }

    [Fact]
    public async Task A_meeting_of_another_team_or_week_finds_nothing_and_stores_nothing()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126") with { TeamId = OtherTeamId }, Ct);

        Assert.Equal(HighlightWrite.MeetingNotFound, await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Text", Ct));
        Assert.Equal(HighlightWrite.MeetingNotFound, await store.SaveAsync(OtherTeamId, new IsoWeek(2026, 49), "s1.20261126", Sara, "Sara Nilsson", "Text", Ct));
        Assert.Equal(HighlightWrite.MeetingNotFound, await store.RemoveAsync(TeamId, Week48, "s1.20261126", Sara, Ct));

        Assert.DoesNotContain(await ReadRowsAsync(), row => row.ContainsKey("Text"));
    }

    [Fact]
    public async Task A_trial_post_and_the_scheduled_post_of_a_week_share_its_highlights_and_keep_their_languages()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126.tab12cd34", Language.English), Ct);
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126.tab12cd34", Sara, "Sara Nilsson", "Från provkortet", Ct);

        var board = await store.ReadAsync(TeamId, Week48, Ct);

        Assert.Equal(2, board.Meetings.Count);
        Assert.Equal(Language.English, board.FindMeeting("s1.20261126.tab12cd34")!.Language);
        Assert.Equal(new HighlightsMeeting("s1.20261126", ChannelId, MeetingDate, new TimeOnly(9, 0), Language.Swedish), board.FindMeeting("s1.20261126"));
        Assert.Equal("Från provkortet", Assert.Single(board.Highlights).Text);
    }

    [Fact]
    public async Task Members_saving_at_the_same_moment_are_all_stored()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        var members = Enumerable.Range(1, 10).Select(i => ($"29:1member{i}", $"Medlem {i}")).ToList();

        await Task.WhenAll(members.Select(member => store.SaveAsync(TeamId, Week48, "s1.20261126", member.Item1, member.Item2, "Highlight av " + member.Item2, Ct)));

        var board = await store.ReadAsync(TeamId, Week48, Ct);
        Assert.Equal(members.Select(m => m.Item1).Order(), board.Highlights.Select(h => h.UserId).Order());
        Assert.Equal(11, board.Version);
    }

    [Fact]
    public async Task A_removal_repeated_at_the_same_moment_removes_once_and_fails_none()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Saras", Ct);

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.RemoveAsync(TeamId, Week48, "s1.20261126", Sara, Ct)));

        Assert.Equal(1, writes.Count(write => write == HighlightWrite.Removed));
        Assert.All(writes, write => Assert.Contains(write, (HighlightWrite[])[HighlightWrite.Removed, HighlightWrite.Unchanged]));
        Assert.Empty(await store.ListAsync(TeamId, 2026, 48, Ct));
    }

    [Fact]
    public async Task Retention_passes_running_at_once_delete_each_highlight_once()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => store.SaveAsync(TeamId, Week48, "s1.20261126", $"29:1member{i}", $"Medlem {i}", "Gammal", Ct)));
        _time.Advance(TimeSpan.FromDays(1));

        var deleted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.DeleteAddedBeforeAsync(_time.GetUtcNow(), Ct)));

        Assert.Equal(6, deleted.SelectMany(weeks => weeks).Sum(week => week.Count));
        Assert.Empty(await store.ListAsync(TeamId, 2026, 48, Ct));
    }

    [Fact]
    public async Task Highlights_added_before_the_cutoff_are_deleted_in_every_team_and_newer_ones_kept()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.AddMeetingAsync(Meeting("o1.20261126") with { TeamId = OtherTeamId }, Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Gammal", Ct);
        await store.SaveAsync(OtherTeamId, Week48, "o1.20261126", Sara, "Sara Nilsson", "Gammal i andra teamet", Ct);
        _time.Advance(TimeSpan.FromDays(2));
        var cutoff = _time.GetUtcNow();
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Ahmed, "Ahmed Hassan", "Ny", Ct);

        var deleted = await store.DeleteAddedBeforeAsync(cutoff, Ct);

        Assert.Equal(2, deleted.Sum(week => week.Count));
        Assert.Equal(new[] { OtherTeamId, TeamId }.Order(StringComparer.Ordinal), deleted.Select(week => week.TeamId).Order(StringComparer.Ordinal));
        Assert.All(deleted, week => Assert.Equal(Week48, week.Week));

        Assert.Equal(["Ny"], (await store.ListAsync(TeamId, 2026, 48, Ct)).Select(h => h.Text));
        Assert.Empty(await store.ListAsync(OtherTeamId, 2026, 48, Ct));
        Assert.DoesNotContain(await ReadRowsAsync(), row => row.GetString("Text")?.StartsWith("Gammal", StringComparison.Ordinal) == true);
        Assert.Empty(await store.DeleteAddedBeforeAsync(cutoff, Ct));
    }

    [Fact]
    public async Task Rows_are_keyed_by_team_and_iso_week_and_by_user()
    {
        var store = Store();
        await store.AddMeetingAsync(Meeting("s1.20261126"), Ct);
        await store.SaveAsync(TeamId, Week48, "s1.20261126", Sara, "Sara Nilsson", "Text", Ct);

        var rows = await ReadRowsAsync();

        Assert.All(rows, row => Assert.Equal(TeamId + "|2026-W48", row.PartitionKey));
        Assert.Equal(["highlight|29:1sara", "meeting|s1.20261126", VersionedPartition.VersionRowKey], rows.Select(row => row.RowKey));
    }

    public void Dispose() => _timeout.Dispose();

    private static RoutineMeeting Meeting(string meetingId, Language language = Language.Swedish) =>
        new(TeamId, meetingId, RoutineKind.Highlights, ChannelId, MeetingDate, new TimeOnly(9, 0), language);

    private async Task<List<TableEntity>> ReadRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableServiceClient.GetTableClient(_prefix + TableHighlightsStore.TableName).QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private TableHighlightsStore Store() => new(
        new TableProvider(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix })),
        _time);
}
