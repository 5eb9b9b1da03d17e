using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Routines;

/// <summary>
/// The <c>PostedCards</c> table: PartitionKey = team id, RowKey = meeting id, one row per posted
/// routine card with its conversation and activity ids (no personal data). A card is found with one
/// point read; a meeting posted again (a retried post) keeps the latest place.
/// </summary>
internal sealed class TablePostedCardStore(TableProvider tables, TimeProvider time) : IPostedCardStore
{
    public const string TableName = "PostedCards";

    public async Task RememberAsync(RoutineMeeting meeting, PostedCard card, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(TableKey.Escape(meeting.TeamId), TableKey.Escape(meeting.MeetingId))
            {
                ["Routine"] = meeting.Routine.ToString(),
                ["ConversationId"] = card.ConversationId,
                ["ActivityId"] = card.ActivityId,
                ["PostedAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<PostedCard?> GetAsync(string teamId, string meetingId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(teamId), TableKey.Escape(meetingId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("ConversationId") is { Length: > 0 } conversationId && row.Value.GetString("ActivityId") is { Length: > 0 } activityId
            ? new PostedCard(conversationId, activityId)
            : null;
    }
}
