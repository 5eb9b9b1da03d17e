using Azure;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Privacy;

/// <summary>Where a table keeps a user's id and name on a row, and whether erasing deletes the row or only them.</summary>
/// <param name="DeleteRow">
/// True when the row is the user's own (a highlight, a booking); false when it is the team's and only
/// names the user (a learning note they wrote): then the id and name are blanked and the row stays.
/// </param>
internal sealed record PersonalField(string IdProperty, string NameProperty, bool DeleteRow);

/// <summary>
/// "Mina data" for a routine's table whose partitions change through <see cref="VersionedPartition"/>:
/// finds the rows that carry the user's id (a filtered scan; rare, and the routines' tables are small)
/// and erases them partition by partition through the version row, so a change made at the same moment
/// is neither lost nor resurrects the data.
/// </summary>
/// <param name="afterErase">
/// Told the rows as they were before they were erased (e.g. to replace the cards in Teams that showed
/// them); null when nothing shows them.
/// </param>
internal sealed class TablePersonalData(
    TableProvider tables,
    string tableName,
    IReadOnlyList<PersonalField> fields,
    Func<TableEntity, PersonalField, PersonalDataItem> describe,
    Func<IReadOnlyList<TableEntity>, CancellationToken, Task>? afterErase = null) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var items = new List<PersonalDataItem>();
        await foreach (var (row, field) in RowsOfAsync(subject.UserId, cancellationToken))
        {
            items.Add(describe(row, field));
        }

        return items;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(tableName, cancellationToken);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (row, _) in RowsOfAsync(subject.UserId, cancellationToken))
        {
            partitions.Add(row.PartitionKey);
        }

        var erased = new List<TableEntity>();
        foreach (var partition in partitions)
        {
            erased.AddRange(await VersionedPartition.ChangeAsync(table, partition, snapshot => Erase(snapshot, subject.UserId), cancellationToken));
        }

        if (afterErase is not null && erased.Count > 0)
        {
            await afterErase(erased, cancellationToken);
        }

        return erased.Count;
    }

    private PartitionChange<List<TableEntity>> Erase(PartitionSnapshot snapshot, string userId)
    {
        var erased = new List<TableEntity>();
        var actions = new List<TableTransactionAction>();
        foreach (var row in snapshot.Rows)
        {
            var owned = fields.Where(field => row.GetString(field.IdProperty) == userId).ToList();
            if (owned.Count == 0)
            {
                continue;
            }

            erased.Add(row);
            if (owned.Any(field => field.DeleteRow))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag));
                continue;
            }

            var blanked = new TableEntity(row.PartitionKey, row.RowKey);
            foreach (var field in owned)
            {
                blanked[field.IdProperty] = string.Empty;
                blanked[field.NameProperty] = string.Empty;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, blanked, row.ETag));
        }

        return new PartitionChange<List<TableEntity>>(actions, erased);
    }

    private async IAsyncEnumerable<(TableEntity Row, PersonalField Field)> RowsOfAsync(
        string userId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(tableName, cancellationToken);
        foreach (var field in fields)
        {
            var filter = $"{field.IdProperty} eq '{userId.Replace("'", "''", StringComparison.Ordinal)}'";
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return (row, field);
            }
        }
    }
}
