using Azure.Data.Tables;
using SofSBot.Privacy;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Privacy;

/// <summary>"Mina data" covers the routine cards too: a member's highlights, bookings and learning notes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoutinePersonalDataTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Sara = "29:1sara";
    private const string Ahmed = "29:1ahmed";
    private const string SaraEntraId = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";

    private static readonly DataSubject SaraSubject = new(Sara, SaraEntraId);

    private readonly SofSBotApp _app = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_members_highlight_booking_and_note_are_shown_and_erased_and_other_members_keep_theirs()
    {
        var highlights = await TableAsync(TableHighlightsStore.TableName);
        await highlights.AddEntityAsync(new TableEntity("team|2026-W48", "highlight|" + Sara) { ["UserId"] = Sara, ["UserName"] = "Sara", ["Text"] = "Familjen ringde själv", ["AddedAt"] = DateTimeOffset.UtcNow });
        await highlights.AddEntityAsync(new TableEntity("team|2026-W48", "highlight|" + Ahmed) { ["UserId"] = Ahmed, ["UserName"] = "Ahmed", ["Text"] = "Nätverksmöte", ["AddedAt"] = DateTimeOffset.UtcNow });
        var bookings = await TableAsync(TableCaseSupervisionStore.TableName);
        await bookings.AddEntityAsync(new TableEntity("team|2026-H2", "booking|m1|" + Sara) { ["UserId"] = Sara, ["UserName"] = "Sara", ["Question"] = "Hur går vi vidare?", ["BookedAt"] = DateTimeOffset.UtcNow });
        var log = await TableAsync(TableLearningLog.TableName);
        await log.AddEntityAsync(new TableEntity("team|m2", "note|000001") { ["AuthorId"] = Sara, ["AuthorName"] = "Sara", ["Text"] = "Fråga om undantagen", ["SavedAt"] = DateTimeOffset.UtcNow });

        var sources = _app.GetService<IEnumerable<IPersonalDataSource>>().ToList();
        var found = new List<PersonalDataItem>();
        foreach (var source in sources)
        {
            found.AddRange(await source.FindAsync(SaraSubject, default));
        }

        Assert.Contains(found, item => item.Description.Swedish.Contains("Familjen ringde själv", StringComparison.Ordinal));
        Assert.Contains(found, item => item.Description.Swedish.Contains("Hur går vi vidare?", StringComparison.Ordinal));
        Assert.Contains(found, item => item.Description.Swedish.Contains("Fråga om undantagen", StringComparison.Ordinal));
        Assert.DoesNotContain(found, item => item.Description.Swedish.Contains("Nätverksmöte", StringComparison.Ordinal));

        var erased = 0;
        foreach (var source in sources)
        {
            erased += await source.EraseAsync(SaraSubject, default);
        }

        Assert.Equal(3, erased);
        Assert.False((await highlights.GetEntityIfExistsAsync<TableEntity>("team|2026-W48", "highlight|" + Sara)).HasValue);
        Assert.True((await highlights.GetEntityIfExistsAsync<TableEntity>("team|2026-W48", "highlight|" + Ahmed)).HasValue);
        Assert.False((await bookings.GetEntityIfExistsAsync<TableEntity>("team|2026-H2", "booking|m1|" + Sara)).HasValue);
        var note = (await log.GetEntityAsync<TableEntity>("team|m2", "note|000001")).Value;
        Assert.Equal("Fråga om undantagen", note.GetString("Text"));
        Assert.Equal(string.Empty, note.GetString("AuthorId"));
        Assert.Equal(string.Empty, note.GetString("AuthorName"));
        foreach (var source in sources)
        {
            Assert.Empty(await source.FindAsync(SaraSubject, default));
        }
    }

    [Fact]
    public async Task Records_that_a_member_was_welcomed_or_reminded_are_shown_and_erased_and_other_members_keep_theirs()
    {
        var claims = _app.GetService<IClaimStore>();
        await claims.TryClaimAsync(SofSBot.TeamsEvents.TeamsEventHandler.WelcomeClaimScope, $"tenant|{SaraEntraId}", TimeSpan.FromMinutes(10), default);
        await claims.TryClaimAsync(SofSBot.TeamsEvents.TeamsEventHandler.WelcomeClaimScope, "tenant|7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", TimeSpan.FromMinutes(10), default);
        await claims.TryClaimAsync(SofSBot.Ratings.RatingRoundMonitor.ReminderClaimScope, $"team|s1.20261130|{Sara}", TimeSpan.FromMinutes(10), default);
        await claims.TryClaimAsync(SofSBot.Ratings.RatingRoundMonitor.ReminderClaimScope, $"team|s1.20261130|{Ahmed}", TimeSpan.FromMinutes(10), default);
        var personalData = _app.GetService<PersonalData>();

        var found = await personalData.FindAsync(SaraSubject, default);

        Assert.Contains(found, item => item.Description.Swedish == "Du fick botens välkomstmeddelande i en personlig chatt");
        Assert.Contains(found, item => item.Description.Swedish == "Du fick en påminnelse om en skattningsomgång");
        Assert.Equal(2, found.Count);

        Assert.Equal(2, await personalData.EraseAsync(SaraSubject, default));
        Assert.Empty(await personalData.FindAsync(SaraSubject, default));
        Assert.Equal(["tenant|7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"], (await claims.ListAsync(SofSBot.TeamsEvents.TeamsEventHandler.WelcomeClaimScope, default)).Select(claim => claim.Key));
        Assert.Equal([$"team|s1.20261130|{Ahmed}"], (await claims.ListAsync(SofSBot.Ratings.RatingRoundMonitor.ReminderClaimScope, default)).Select(claim => claim.Key));
    }

    private async Task<TableClient> TableAsync(string name) => await _app.GetService<TableProvider>().GetTableAsync(name, default);
}
