using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Export;

/// <summary>
/// The <c>CoordinatorConversations</c> table: one row per coordinator, PartitionKey = object id,
/// RowKey <c>conversation</c>. A handful of rows; "mina data" finds a user's row with a filtered scan.
/// </summary>
internal sealed class TableCoordinatorConversationStore(TableProvider tables) : ICoordinatorConversationStore
{
    public const string TableName = "CoordinatorConversations";

    private const string RowKey = "conversation";

    public async Task<CoordinatorConversation?> GetAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyFor(aadObjectId), RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? ToConversation(response.Value!) : null;
    }

    public async Task SaveAsync(CoordinatorConversation conversation, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var entity = new TableEntity(PartitionKeyFor(conversation.AadObjectId), RowKey)
        {
            ["AadObjectId"] = conversation.AadObjectId,
            ["UserId"] = conversation.UserId,
            ["ConversationId"] = conversation.ConversationId,
            ["ServiceUrl"] = conversation.ServiceUrl,
            ["TenantId"] = conversation.TenantId,
            ["UpdatedAt"] = conversation.UpdatedAt,
        };
        if (conversation.Locale is not null)
        {
            entity["Locale"] = conversation.Locale;
        }

        // Merge: a conversation opened by the bot (no locale) keeps the language the coordinator wrote in.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task DeleteAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(PartitionKeyFor(aadObjectId), RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone.
        }
    }

    public async Task<IReadOnlyList<CoordinatorConversation>> FindByUserAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var found = new List<CoordinatorConversation>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UserId eq {userId}"), cancellationToken: cancellationToken))
        {
            found.Add(ToConversation(row));
        }

        return found;
    }

    private static string PartitionKeyFor(string aadObjectId) => TableKey.Escape(aadObjectId.ToLowerInvariant());

    private static CoordinatorConversation ToConversation(TableEntity row) => new(
        row.GetString("AadObjectId") ?? TableKey.Unescape(row.PartitionKey),
        row.GetString("UserId") ?? string.Empty,
        row.GetString("ConversationId") ?? string.Empty,
        row.GetString("ServiceUrl") ?? string.Empty,
        row.GetString("TenantId") ?? string.Empty,
        row.GetString("Locale"),
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
