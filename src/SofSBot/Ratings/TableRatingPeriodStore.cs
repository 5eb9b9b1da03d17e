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
            periods.Add(new RatingPeriod(
                row.GetString("PeriodId"),
                row.GetString("Name"),
                DateOnly.Parse(row.GetString("StartDate"), System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(row.GetString("EndDate"), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return [.. periods.OrderBy(period => period.StartDate)];
    }

    public async Task UpsertAsync(RatingPeriod period, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(period), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<RatingPeriod> ForDateAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var set = (await ListAsync(cancellationToken)).LastOrDefault(period => period.Contains(date));
        if (set is not null)
        {
            return set;
        }

        var period = RatingPeriod.DefaultFor(date);
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(period), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Stored meanwhile (or set by the coordinator with other dates): the row wins next time.
        }

        return period;
    }

    private static TableEntity ToEntity(RatingPeriod period) => new(Partition, TableKey.Escape(period.PeriodId))
    {
        ["PeriodId"] = period.PeriodId,
        ["Name"] = period.Name,
        ["StartDate"] = period.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["EndDate"] = period.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
