using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Routines;

/// <summary>
/// The <c>RoutineCards</c> table: PartitionKey = team id, RowKey = meeting id; the conversation and
/// activity id of the card the bot posted for the meeting. No personal data: ids of Teams threads only.
/// </summary>
internal sealed class TableRoutineCardStore(TableProvider tables, TimeProvider time) : IRoutineCardStore
{
    public const string TableName = "RoutineCards";

    public async Task SaveAsync(string teamId, string meetingId, RoutineKind routine, PostedCard card, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new RoutineCardEntity
            {
                PartitionKey = TableKey.Escape(teamId),
                RowKey = TableKey.Escape(meetingId),
                Routine = routine.ToString(),
                ConversationId = card.ConversationId,
                ActivityId = card.ActivityId,
                PostedAt = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<PostedCard?> GetAsync(string teamId, string meetingId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<RoutineCardEntity>(TableKey.Escape(teamId), TableKey.Escape(meetingId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { ConversationId: { Length: > 0 } conversationId, ActivityId: { Length: > 0 } activityId }
            ? new PostedCard(conversationId, activityId)
            : null;
    }

    private sealed class RoutineCardEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string? Routine { get; set; }

        public string? ConversationId { get; set; }

        public string? ActivityId { get; set; }

        public DateTimeOffset? PostedAt { get; set; }
    }
}
