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

    public async Task<IReadOnlyList<RatingPeriod>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var periods = new List<RatingPeriod>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            periods.Add(FromEntity(row));
        }

        return [.. periods.OrderBy(period => period.StartDate)];
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
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
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
        var all = await ListAsync(cancellationToken);
        var set = all.LastOrDefault(period => period.Contains(date));
        if (set is not null)
        {
            return set;
        }

        var period = RatingPeriod.DefaultFor(date, all);
        if (!await TryAddAsync(period, cancellationToken))
        {
            // Stored meanwhile by another instance (or the coordinator): the stored row wins.
            return (await ListAsync(cancellationToken)).LastOrDefault(stored => stored.Contains(date)) ?? period;
        }

        return period;
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
