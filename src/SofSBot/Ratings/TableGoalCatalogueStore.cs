using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>
/// The <c>RatingGoals</c> table. PartitionKey <c>organisation</c> holds the organisation's goals and the
/// overall questions (seeded from <see cref="GoalCatalogue.Seed"/> the first time it is read empty;
/// goals added later are <c>org-{n}</c>); PartitionKey = team id holds the team's own goals, RowKey
/// <c>team-{year}-{n}</c>. The goal itself is a JSON column, its kind, year and <c>RetiredAt</c> plain
/// columns. Rows are never deleted: a retired goal keeps its id, so no later goal can take it.
/// </summary>
internal sealed class TableGoalCatalogueStore(TableProvider tables) : IGoalCatalogueStore
{
    public const string TableName = "RatingGoals";
    public const string OrganisationPartition = "organisation";

    /// <summary>The prefix of the ids of organisation goals a coordinator adds.</summary>
    public const string AddedGoalIdPrefix = "org-";

    private const int TeamGoalOrderBase = 100;
    private const int MaxNumberingAttempts = 20;

    private static readonly JsonSerializerOptions GoalJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<RatingGoal>> ListForRoundAsync(string teamId, int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var organisation = await ReadOrganisationAsync(table, cancellationToken);
        var team = (await ReadPartitionAsync(table, TableKey.Escape(teamId), cancellationToken))
            .Where(row => row.GetInt32("Year") == year);
        return [.. organisation.Concat(team)
            .Select(FromEntity)
            .Where(goal => !goal.IsRetired)
            .Select(goal => goal.Goal)
            .OrderBy(goal => goal.Order)
            .ThenBy(goal => goal.GoalId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CatalogueGoal>> ListOrganisationAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return InOrder((await ReadOrganisationAsync(table, cancellationToken)).Select(FromEntity));
    }

    public async Task<CatalogueGoal?> GetOrganisationGoalAsync(string goalId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var row = await ReadRowAsync(table, OrganisationPartition, goalId, cancellationToken)
            ?? (await ReadOrganisationAsync(table, cancellationToken)).FirstOrDefault(entity => entity.RowKey == TableKey.Escape(goalId));
        return row is null ? null : FromEntity(row);
    }

    public async Task UpsertOrganisationGoalAsync(RatingGoal goal, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(OrganisationPartition, goal, year: null, retiredAt: null), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<CatalogueWrite> ReplaceOrganisationGoalAsync(RatingGoal goal, string version, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var stored = await ReadRowAsync(table, OrganisationPartition, goal.GoalId, cancellationToken);
        if (stored is null)
        {
            return CatalogueWrite.NotFound;
        }

        // The kind and the retirement are the catalogue's, not the form's: an edit changes the texts and the order.
        var current = FromEntity(stored);
        var replacement = ToEntity(OrganisationPartition, goal with { Kind = current.Goal.Kind }, year: null, current.RetiredAt);
        return await ReplaceAsync(table, replacement, version, cancellationToken);
    }

    public async Task<RatingGoal> AddOrganisationGoalAsync(Func<string, RatingGoal> create, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        for (var attempt = 0; attempt < MaxNumberingAttempts; attempt++)
        {
            var rows = await ReadOrganisationAsync(table, cancellationToken);
            var highest = rows.Select(row => AddedNumber(row.RowKey)).DefaultIfEmpty(0).Max();
            // After a 409 the partition is read again and holds the row that took the number, so the next is free: no gap.
            var goal = create(AddedGoalIdPrefix + (highest + 1).ToString(CultureInfo.InvariantCulture)) with { Kind = GoalKind.Organisation };
            if (await AddIfAbsentAsync(table, ToEntity(OrganisationPartition, goal, year: null, retiredAt: null), cancellationToken))
            {
                return goal;
            }
        }

        throw new InvalidOperationException("Could not number a new organisation goal.");
    }

    public async Task<CatalogueWrite> RetireOrganisationGoalAsync(string goalId, string version, DateTimeOffset retiredAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var stored = await ReadRowAsync(table, OrganisationPartition, goalId, cancellationToken);
        if (stored is null || FromEntity(stored) is not { Goal.Kind: GoalKind.Organisation } current)
        {
            return CatalogueWrite.NotFound;
        }

        if (current.IsRetired)
        {
            return CatalogueWrite.Saved;
        }

        return await ReplaceAsync(table, ToEntity(OrganisationPartition, current.Goal, year: null, retiredAt), version, cancellationToken);
    }

    public async Task<IReadOnlyList<CatalogueGoal>> ListTeamGoalsAsync(string teamId, int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return InOrder((await ReadPartitionAsync(table, TableKey.Escape(teamId), cancellationToken))
            .Where(row => row.GetInt32("Year") == year)
            .Select(FromEntity));
    }

    public async Task<RatingGoal> AddTeamGoalAsync(string teamId, int year, string title, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = TableKey.Escape(teamId);
        for (var attempt = 0; attempt < MaxNumberingAttempts; attempt++)
        {
            // Retired goals stay as rows, so their numbers are counted and never given again; after a 409
            // the partition is read again and holds the row that took the number.
            var number = (await ReadPartitionAsync(table, partitionKey, cancellationToken)).Count(row => row.GetInt32("Year") == year) + 1;
            var goal = GoalCatalogue.TeamGoal(GoalCatalogue.TeamGoalId(year, number), title, TeamGoalOrderBase + number);
            if (await AddIfAbsentAsync(table, ToEntity(partitionKey, goal, year, retiredAt: null), cancellationToken))
            {
                return goal;
            }
        }

        throw new InvalidOperationException($"Could not number a new goal of team {teamId}.");
    }

    public async Task<CatalogueWrite> RetireTeamGoalAsync(string teamId, string goalId, DateTimeOffset retiredAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = TableKey.Escape(teamId);
        var stored = await ReadRowAsync(table, partitionKey, goalId, cancellationToken);
        if (stored is null)
        {
            return CatalogueWrite.NotFound;
        }

        var current = FromEntity(stored);
        if (current.IsRetired)
        {
            return CatalogueWrite.Saved;
        }

        return await ReplaceAsync(table, ToEntity(partitionKey, current.Goal, stored.GetInt32("Year"), retiredAt), current.Version, cancellationToken);
    }

    /// <summary>The organisation partition, seeded with <see cref="GoalCatalogue.Seed"/> when it is empty.</summary>
    private static async Task<List<TableEntity>> ReadOrganisationAsync(TableClient table, CancellationToken cancellationToken)
    {
        var organisation = await ReadPartitionAsync(table, OrganisationPartition, cancellationToken);
        if (organisation.Count > 0)
        {
            return organisation;
        }

        foreach (var goal in GoalCatalogue.Seed)
        {
            await AddIfAbsentAsync(table, ToEntity(OrganisationPartition, goal, year: null, retiredAt: null), cancellationToken);
        }

        return await ReadPartitionAsync(table, OrganisationPartition, cancellationToken);
    }

    private static IReadOnlyList<CatalogueGoal> InOrder(IEnumerable<CatalogueGoal> goals) =>
        [.. goals.OrderBy(goal => goal.Goal.Order).ThenBy(goal => goal.Goal.GoalId, StringComparer.Ordinal)];

    private static int AddedNumber(string rowKey) =>
        rowKey.StartsWith(AddedGoalIdPrefix, StringComparison.Ordinal)
        && int.TryParse(rowKey.AsSpan(AddedGoalIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : 0;

    private static async Task<CatalogueWrite> ReplaceAsync(TableClient table, TableEntity entity, string version, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return CatalogueWrite.Saved;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return CatalogueWrite.ChangedMeanwhile;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return CatalogueWrite.NotFound;
        }
    }

    private static async Task<TableEntity?> ReadRowAsync(TableClient table, string partitionKey, string goalId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, TableKey.Escape(goalId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
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

    private static TableEntity ToEntity(string partitionKey, RatingGoal goal, int? year, DateTimeOffset? retiredAt) => new(partitionKey, TableKey.Escape(goal.GoalId))
    {
        ["Kind"] = goal.Kind.ToString(),
        ["Year"] = year,
        ["RetiredAt"] = retiredAt,
        ["Goal"] = JsonSerializer.Serialize(goal, GoalJson),
    };

    private static CatalogueGoal FromEntity(TableEntity entity) => new(
        JsonSerializer.Deserialize<RatingGoal>(entity.GetString("Goal"), GoalJson)
            ?? throw new InvalidOperationException($"Goal row {entity.RowKey} is empty."),
        entity.GetDateTimeOffset("RetiredAt"),
        entity.ETag.ToString());
}
