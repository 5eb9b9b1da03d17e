using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SofSBot.Storage;

namespace SofSBot.Scheduling;

/// <summary>
/// Occurrences in the <c>Occurrences</c> table: PartitionKey = schedule id, RowKey = occurrence key
/// (its local date and time). Inserting the row is the claim: a second insert fails with 409. A claim
/// left by an instance that died is taken over with an ETag-guarded update once its lease is over.
/// </summary>
internal sealed class TableOccurrenceLedger(TableProvider tables, TimeProvider time, IOptions<SchedulerOptions> options, Telemetry.BotTelemetry telemetry) : IOccurrenceLedger
{
    public const string TableName = "Occurrences";

    public async Task<OccurrenceClaim?> TryClaimAsync(string teamId, string scheduleId, string occurrenceKey, string owner, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var now = time.GetUtcNow();
        var entity = new OccurrenceEntity
        {
            PartitionKey = TableKey.Escape(scheduleId),
            RowKey = TableKey.Escape(occurrenceKey),
            TeamId = teamId,
            ScheduleId = scheduleId,
            OccurrenceKey = occurrenceKey,
            State = nameof(OccurrenceState.Claimed),
            Owner = owner,
            ClaimedAt = now,
        };
        try
        {
            var added = await table.AddEntityAsync(entity, cancellationToken);
            return new OccurrenceClaim(scheduleId, occurrenceKey, owner, added.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Someone has it: take it over only if they claimed it and never finished.
        }

        var existing = await table.GetEntityIfExistsAsync<OccurrenceEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue
            || existing.Value!.State != nameof(OccurrenceState.Claimed)
            || now - existing.Value.ClaimedAt < options.Value.ClaimLease)
        {
            return null;
        }

        var stale = existing.Value;
        stale.Owner = owner;
        stale.ClaimedAt = now;
        try
        {
            var updated = await table.UpdateEntityAsync(stale, stale.ETag, TableUpdateMode.Replace, cancellationToken);
            telemetry.ClaimTakenOver(TableName);
            return new OccurrenceClaim(scheduleId, occurrenceKey, owner, updated.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return null;
        }
    }

    public async Task<OccurrenceClaim?> TryStartPostingAsync(OccurrenceClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var changes = new TableEntity(TableKey.Escape(claim.ScheduleId), TableKey.Escape(claim.OccurrenceKey))
        {
            [nameof(OccurrenceEntity.State)] = nameof(OccurrenceState.Posting),
        };
        try
        {
            var updated = await table.UpdateEntityAsync(changes, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            return claim with { ETag = updated.Headers.ETag ?? ETag.All };
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return null;
        }
    }

    public Task MarkPostedAsync(OccurrenceClaim claim, string conversationId, string? activityId, CancellationToken cancellationToken) =>
        MergeAsync(claim, new TableEntity
        {
            [nameof(OccurrenceEntity.State)] = nameof(OccurrenceState.Posted),
            [nameof(OccurrenceEntity.ConversationId)] = conversationId,
            [nameof(OccurrenceEntity.ActivityId)] = activityId,
            [nameof(OccurrenceEntity.PostedAt)] = time.GetUtcNow(),
        }, cancellationToken);

    public Task MarkSkippedAsync(OccurrenceClaim claim, string reason, CancellationToken cancellationToken) =>
        MergeAsync(claim, new TableEntity
        {
            [nameof(OccurrenceEntity.State)] = nameof(OccurrenceState.Skipped),
            [nameof(OccurrenceEntity.SkipReason)] = reason,
        }, cancellationToken);

    public async Task<bool> TryRecordMissedAsync(string teamId, string scheduleId, string occurrenceKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var entity = new OccurrenceEntity
        {
            PartitionKey = TableKey.Escape(scheduleId),
            RowKey = TableKey.Escape(occurrenceKey),
            TeamId = teamId,
            ScheduleId = scheduleId,
            OccurrenceKey = occurrenceKey,
            State = nameof(OccurrenceState.Skipped),
            SkipReason = "missed",
            ClaimedAt = time.GetUtcNow(),
        };
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

    public async Task ReleaseAsync(OccurrenceClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(TableKey.Escape(claim.ScheduleId), TableKey.Escape(claim.OccurrenceKey), claim.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Already gone or taken over: nothing of ours to give back.
        }
    }

    public async Task<PostedOccurrence?> GetAsync(string scheduleId, string occurrenceKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<OccurrenceEntity>(TableKey.Escape(scheduleId), TableKey.Escape(occurrenceKey), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        return new PostedOccurrence(
            entity.ScheduleId,
            entity.OccurrenceKey,
            entity.TeamId,
            Enum.Parse<OccurrenceState>(entity.State),
            entity.ConversationId,
            entity.ActivityId,
            entity.PostedAt,
            entity.SkipReason);
    }

    private async Task MergeAsync(OccurrenceClaim claim, TableEntity changes, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        changes.PartitionKey = TableKey.Escape(claim.ScheduleId);
        changes.RowKey = TableKey.Escape(claim.OccurrenceKey);
        // Unconditional: the outcome of a post must be recorded even if a slow lease check raced it.
        await table.UpdateEntityAsync(changes, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    private sealed class OccurrenceEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string TeamId { get; set; } = string.Empty;

        public string ScheduleId { get; set; } = string.Empty;

        public string OccurrenceKey { get; set; } = string.Empty;

        public string State { get; set; } = nameof(OccurrenceState.Claimed);

        public string? Owner { get; set; }

        public DateTimeOffset ClaimedAt { get; set; }

        public string? ConversationId { get; set; }

        public string? ActivityId { get; set; }

        public DateTimeOffset? PostedAt { get; set; }

        public string? SkipReason { get; set; }
    }
}
