using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Ratings;
using SofSBot.Roles;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using Xunit.Abstractions;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Ratings;

/// <summary>
/// What a member's rating save costs in storage requests, counted on the app's own table client
/// against Azurite: a small constant, the same in a round of 3 and of 1,000 respondents, and no
/// query answering more rows than the member's own plus a constant.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RatingSaveStorageCostTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Rows a query on a save may return beyond the member's own 8 answers (the round's count rows: a base, 32 shards, the close mark).</summary>
    private const int ConstantRows = TableRatingAnswerStore.CountShards + 2;

    private static readonly JsonObject Ahmed = User("29:1ahmed", "Ahmed Hassan", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
    private static readonly JsonObject Johan = User("29:1johan", "Johan Berg", "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private SofSBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?>
            {
                ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
                ["Ratings:MonitorEnabled"] = "false",
            },
            time: _time);
        _app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        _app.Connector.Members[TeamId] = [Karin, Sara, Ahmed, Johan];
        await _app.SendActivityAsync(InstalledInTeam());
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task A_rating_save_costs_a_few_requests_whatever_the_number_of_respondents(int seeded)
    {
        var round = await OpenRoundAsync();
        await SeedRespondentsAsync(round, seeded);
        await AnswerAsync(round, Ahmed, 3); // warm-up: tables known, a round written by an earlier version brought up to date

        var costs = new List<IReadOnlyList<StorageRequest>>();
        var first = await MeasureAsync(() => AnswerAsync(round, Sara, 5), costs);
        Assert.Contains($"{seeded + 2} av 4 har svarat", Text(first), StringComparison.Ordinal);
        await MeasureAsync(() => AnswerAsync(round, Sara, 6), costs);
        await MeasureAsync(() => AnswerAsync(round, Sara, 6), costs);
        var last = await MeasureAsync(() => AnswerAsync(round, Johan, 7), costs);
        Assert.Contains($"{seeded + 3} av 4 har svarat", Text(last), StringComparison.Ordinal);
        Assert.Contains($"{seeded + 3} av 4 har svarat", Text(_app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!), StringComparison.Ordinal);

        var ratingRequests = costs.Select(requests => requests.Where(IsRatingStorage).ToList()).ToList();
        for (var i = 0; i < costs.Count; i++)
        {
            output.WriteLine($"save {i + 1}: {costs[i].Count} requests (ratings tables {ratingRequests[i].Count})");
            foreach (var request in costs[i])
            {
                output.WriteLine($"  {request.Method} {request.Table} {request.Status} rows={request.Rows} {request.Query}");
            }
        }

        Assert.All(costs.SelectMany(requests => requests), request => Assert.True(
            request.Rows is null || request.Rows <= 8 + ConstantRows, $"{request.Table} {request.Query} returned {request.Rows} rows"));
        Assert.All(costs.SelectMany(requests => requests), request => Assert.DoesNotContain(" or ", request.Query, StringComparison.Ordinal));
        // A first answer: the round, the member's answers (one range), one batch, and the channel card's
        // version check (its first rendering is the state the save left). A change: no card. A repeat: no write.
        Assert.Equal([4, 3, 2, 4], ratingRequests.Select(requests => requests.Count));
        Assert.True(ratingRequests.Average(requests => requests.Count) <= 3.25);
    }

    /// <summary>The requests the role lookup sends (the router's, before any handler) are not the rating save's.</summary>
    private static bool IsRatingStorage(StorageRequest request) => !request.Table.EndsWith(TableNamedLeaderStore.TableName, StringComparison.Ordinal);

    private async Task<JsonNode> MeasureAsync(Func<Task<JsonNode>> click, List<IReadOnlyList<StorageRequest>> costs)
    {
        _app.StorageRequests.Reset();
        var card = await click();
        costs.Add(_app.StorageRequests.Requests);
        return card;
    }

    /// <summary>Respondents written straight into storage as the previous version stored them: 8 answers and the mark each, no count rows.</summary>
    private async Task SeedRespondentsAsync(RatingRound round, int count)
    {
        var table = azurite.TableServiceClient.GetTableClient(_app.TablePrefix + TableRatingAnswerStore.TableName);
        await table.CreateIfNotExistsAsync();
        var partitionKey = TableRatingAnswerStore.PartitionKeyFor(round.PeriodId, round.TeamId);
        var now = _time.GetUtcNow();
        var rows = new List<TableEntity>();
        for (var i = 0; i < count; i++)
        {
            var userId = $"29:seed{i:D5}";
            foreach (var goal in round.Goals)
            {
                rows.Add(new TableEntity(partitionKey, TableRatingAnswerStore.AnswerRowKey(round.RoundId, userId, goal.GoalId))
                {
                    ["Kind"] = nameof(RatingRowKind.Answer), ["PeriodId"] = round.PeriodId, ["TeamId"] = round.TeamId, ["RoundId"] = round.RoundId,
                    ["UserId"] = userId, ["GoalId"] = goal.GoalId, ["Value"] = i % 11, ["AnsweredAt"] = now, ["Revision"] = 1, ["FirstAnsweredAt"] = now,
                });
            }

            rows.Add(new TableEntity(partitionKey, TableRatingAnswerStore.RespondentRowKey(round.RoundId, userId))
            {
                ["Kind"] = nameof(RatingRowKind.Respondent), ["PeriodId"] = round.PeriodId, ["TeamId"] = round.TeamId, ["RoundId"] = round.RoundId,
                ["UserId"] = userId, ["AnsweredAt"] = now,
            });
        }

        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(rows.Chunk(99).Select(async chunk =>
        {
            await gate.WaitAsync();
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task<RatingRound> OpenRoundAsync()
    {
        await _app.SendActivityAsync(ChannelMention("skattning"));
        await InvokeAsync(RatingCards.OpenVerb, new() { ["period"] = "2025-1", ["lastDay"] = "2025-03-24" }, Karin, replyToId: "form-1");
        return Assert.Single(await _app.GetService<IRatingRoundStore>().ListForTeamAsync(TeamId, default));
    }

    private async Task<JsonNode> AnswerAsync(RatingRound round, JsonObject user, int value)
    {
        var data = new JsonObject { ["roundId"] = round.RoundId };
        foreach (var goal in round.Goals)
        {
            data[RatingInput.InputId(goal.GoalId)] = value.ToString(CultureInfo.InvariantCulture);
        }

        var response = await InvokeAsync(RatingCards.SaveVerb, data, user, round.CardActivityId, round.CardConversationId);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        return response["value"]!;
    }

    private async Task<JsonNode> InvokeAsync(string verb, JsonObject data, JsonObject user, string? replyToId, string? conversationId = null)
    {
        var action = CardAction(verb, data, user);
        action["replyToId"] = replyToId;
        if (conversationId is not null)
        {
            action["conversation"]!["id"] = conversationId;
        }

        using var response = await _app.SendActivityAsync(action);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string Text(JsonNode card) => card.ToJsonString(BotJson.Options);
}
