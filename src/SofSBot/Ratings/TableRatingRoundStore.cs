using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>Rounds in the <c>RatingRounds</c> table: PartitionKey = team id, RowKey = round id.</summary>
internal sealed class TableRatingRoundStore(TableProvider tables) : IRatingRoundStore
{
    public const string TableName = "RatingRounds";

    private const int MaxAttempts = 20;

    private static readonly JsonSerializerOptions GoalJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<RatingRound> CreateAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(round), cancellationToken);
            return round;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await GetAsync(round.TeamId, round.RoundId, cancellationToken)
                ?? throw new InvalidOperationException($"Round {round.RoundId} exists and yet could not be read.", exception);
        }
    }

    public async Task<RatingRound?> GetAsync(string teamId, string roundId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(teamId), TableKey.Escape(roundId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<RatingRound?> UpdateAsync(string teamId, string roundId, Func<RatingRound, RatingRound?> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(teamId), TableKey.Escape(roundId), cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } entity)
            {
                return null;
            }

            var current = FromEntity(entity);
            if (change(current) is not { } changed || changed == current)
            {
                return current;
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(changed), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < MaxAttempts)
            {
                // Changed meanwhile (a close and a card location at once): apply the change to the newer row.
            }
        }
    }

    public async Task<IReadOnlyList<RatingRound>> ListForTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var rounds = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(teamId)}"), cancellationToken);
        return [.. rounds.OrderByDescending(round => round.OpenedAt)];
    }

    public Task<IReadOnlyList<RatingRound>> ListOpenAsync(CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"IsClosed eq {false}"), cancellationToken);

    public Task<IReadOnlyList<RatingRound>> ListOpenedByAsync(string userId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"OpenedBy eq {userId}"), cancellationToken);

    public async Task<IReadOnlyList<RatingRound>> ListShowingOwnViewToAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync(null, cancellationToken)).Where(round => round.RefreshUserIds.Contains(userId, StringComparer.Ordinal))];

    private async Task<IReadOnlyList<RatingRound>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rounds = new List<RatingRound>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rounds.Add(FromEntity(entity));
        }

        return rounds;
    }

    private static TableEntity ToEntity(RatingRound round) => new(TableKey.Escape(round.TeamId), TableKey.Escape(round.RoundId))
    {
        ["TeamId"] = round.TeamId,
        ["RoundId"] = round.RoundId,
        ["PeriodId"] = round.PeriodId,
        ["PeriodName"] = round.PeriodName,
        ["Deadline"] = round.Deadline,
        ["IsClosed"] = round.IsClosed,
        ["Language"] = round.Language.ToString(),
        ["ChannelId"] = round.ChannelId,
        ["OpenedBy"] = round.OpenedBy,
        ["OpenedAt"] = round.OpenedAt,
        ["ClosedAt"] = round.ClosedAt,
        ["Goals"] = JsonSerializer.Serialize(round.Goals, GoalJson),
        ["RosterCount"] = round.RosterCount,
        ["RefreshUserIds"] = JsonSerializer.Serialize(round.RefreshUserIds, GoalJson),
        ["CardConversationId"] = round.CardConversationId,
        ["CardActivityId"] = round.CardActivityId,
        ["RemindersSent"] = round.RemindersSent,
    };

    private static RatingRound FromEntity(TableEntity entity) => new(
        entity.GetString("TeamId"),
        entity.GetString("RoundId"),
        entity.GetString("PeriodId"),
        entity.GetString("PeriodName"),
        entity.GetDateTimeOffset("Deadline") ?? DateTimeOffset.MinValue,
        entity.GetBoolean("IsClosed") ?? false,
        Enum.TryParse<Language>(entity.GetString("Language"), out var language) ? language : Language.Swedish,
        entity.GetString("ChannelId"),
        entity.GetString("OpenedBy"),
        entity.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ClosedAt"),
        JsonSerializer.Deserialize<List<RatingGoal>>(entity.GetString("Goals") ?? "[]", GoalJson) ?? [],
        entity.GetInt32("RosterCount"),
        JsonSerializer.Deserialize<List<string>>(entity.GetString("RefreshUserIds") ?? "[]", GoalJson) ?? [],
        entity.GetString("CardConversationId"),
        entity.GetString("CardActivityId"),
        entity.GetBoolean("RemindersSent") ?? false);
}
