using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>
/// The <c>RatingGoals</c> table. PartitionKey <c>organisation</c> holds the organisation's goals and the
/// overall questions (seeded from <see cref="GoalCatalogue.Seed"/> the first time it is read empty);
/// PartitionKey = team id holds the team's own goals, RowKey <c>team-{year}-{n}</c>. The goal itself is
/// a JSON column, its kind and year plain columns.
/// </summary>
internal sealed class TableGoalCatalogueStore(TableProvider tables) : IGoalCatalogueStore
{
    public const string TableName = "RatingGoals";
    public const string OrganisationPartition = "organisation";

    private const int TeamGoalOrderBase = 100;

    private static readonly JsonSerializerOptions GoalJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<RatingGoal>> ListForRoundAsync(string teamId, int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var organisation = await ReadPartitionAsync(table, OrganisationPartition, cancellationToken);
        if (organisation.Count == 0)
        {
            foreach (var goal in GoalCatalogue.Seed)
            {
                await AddIfAbsentAsync(table, ToEntity(OrganisationPartition, goal, year: null), cancellationToken);
            }

            organisation = await ReadPartitionAsync(table, OrganisationPartition, cancellationToken);
        }

        var team = (await ReadPartitionAsync(table, TableKey.Escape(teamId), cancellationToken))
            .Where(row => row.GetInt32("Year") == year);
        return [.. organisation.Concat(team).Select(FromEntity).OrderBy(goal => goal.Order).ThenBy(goal => goal.GoalId, StringComparer.Ordinal)];
    }

    public async Task UpsertOrganisationGoalAsync(RatingGoal goal, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(OrganisationPartition, goal, year: null), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<RatingGoal> AddTeamGoalAsync(string teamId, int year, string title, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = TableKey.Escape(teamId);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var number = (await ReadPartitionAsync(table, partitionKey, cancellationToken)).Count(row => row.GetInt32("Year") == year) + 1 + attempt;
            var goal = GoalCatalogue.TeamGoal(GoalCatalogue.TeamGoalId(year, number), title, TeamGoalOrderBase + number);
            if (await AddIfAbsentAsync(table, ToEntity(partitionKey, goal, year), cancellationToken))
            {
                return goal;
            }
        }

        throw new InvalidOperationException($"Could not number a new goal of team {teamId}.");
    }

    private static async Task<List<TableEntity>> ReadPartitionAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<bool> AddIfAbsentAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(string partitionKey, RatingGoal goal, int? year) => new(partitionKey, TableKey.Escape(goal.GoalId))
    {
        ["Kind"] = goal.Kind.ToString(),
        ["Year"] = year,
        ["Goal"] = JsonSerializer.Serialize(goal, GoalJson),
    };

    private static RatingGoal FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<RatingGoal>(entity.GetString("Goal"), GoalJson)
        ?? throw new InvalidOperationException($"Goal row {entity.RowKey} is empty.");
}
