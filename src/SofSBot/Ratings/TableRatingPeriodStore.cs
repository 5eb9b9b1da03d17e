using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>The <c>RatingPeriods</c> table: one partition (<c>period</c>), RowKey = period id; the list is one small partition query.</summary>
internal sealed class TableRatingPeriodStore(TableProvider tables) : IRatingPeriodStore
{
    public const string TableName = "RatingPeriods";
    private const string Partition = "period";
    private const int MaxDefaultAttempts = 3;

    public async Task<IReadOnlyList<RatingPeriod>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return [.. (await ReadRowsAsync(table, cancellationToken)).Select(FromEntity).OrderBy(period => period.StartDate)];
    }

    public async Task<VersionedPeriod?> GetAsync(string periodId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKey.Escape(periodId), cancellationToken: cancellationToken);
        return response.HasValue ? new VersionedPeriod(FromEntity(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task UpsertAsync(RatingPeriod period, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(period), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> TryAddAsync(RatingPeriod period, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(period), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        // The overlap was checked on a list read before the insert, so two adds at the same moment (a
        // coordinator's and a round's default half-year) may both pass it. Read again: of two periods
        // that overlap, the one stored later (by the table's timestamp, then the id) takes itself back.
        var rows = await ReadRowsAsync(table, cancellationToken);
        if (rows.FirstOrDefault(row => row.RowKey == TableKey.Escape(period.PeriodId)) is not { } mine)
        {
            return false;
        }

        var earlier = rows.Any(row => row.RowKey != mine.RowKey && FromEntity(row).Overlaps(period) && StoredBefore(row, mine));
        if (!earlier)
        {
            return true;
        }

        try
        {
            await table.DeleteEntityAsync(Partition, mine.RowKey, mine.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Gone or changed already (a coordinator's edit): that is what holds.
        }

        return false;
    }

    public async Task<CatalogueWrite> ReplaceAsync(RatingPeriod period, string version, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(ToEntity(period), new ETag(version), TableUpdateMode.Replace, cancellationToken);
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

    public async Task<RatingPeriod> ForDateAsync(DateOnly date, CancellationToken cancellationToken)
    {
        RatingPeriod? period = null;
        for (var attempt = 0; attempt < MaxDefaultAttempts; attempt++)
        {
            var all = await ListAsync(cancellationToken);
            if (all.LastOrDefault(stored => stored.Contains(date)) is { } set)
            {
                return set;
            }

            // Not stored when another instance (or the coordinator) stored a period meanwhile: decide again on what holds now.
            period = RatingPeriod.DefaultFor(date, all);
            if (await TryAddAsync(period, cancellationToken))
            {
                return period;
            }
        }

        return (await ListAsync(cancellationToken)).LastOrDefault(stored => stored.Contains(date)) ?? period!;
    }

    private static bool StoredBefore(TableEntity row, TableEntity other) =>
        row.Timestamp < other.Timestamp
        || (row.Timestamp == other.Timestamp && string.CompareOrdinal(row.RowKey, other.RowKey) < 0);

    private static async Task<List<TableEntity>> ReadRowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static RatingPeriod FromEntity(TableEntity row) => new(
        row.GetString("PeriodId"),
        row.GetString("Name"),
        DateOnly.Parse(row.GetString("StartDate"), CultureInfo.InvariantCulture),
        DateOnly.Parse(row.GetString("EndDate"), CultureInfo.InvariantCulture));

    private static TableEntity ToEntity(RatingPeriod period) => new(Partition, TableKey.Escape(period.PeriodId))
    {
        ["PeriodId"] = period.PeriodId,
        ["Name"] = period.Name,
        ["StartDate"] = period.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["EndDate"] = period.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
