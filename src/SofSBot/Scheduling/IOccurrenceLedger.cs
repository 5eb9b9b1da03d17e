namespace SofSBot.Scheduling;

/// <summary>
/// What became of each occurrence: claimed, posted or skipped. The claim makes posting happen once
/// across restarts and instances.
/// </summary>
internal interface IOccurrenceLedger
{
    /// <summary>
    /// Claims the occurrence for <paramref name="owner"/>. Null when it is posted, skipped, or claimed
    /// by another instance whose lease has not run out.
    /// </summary>
    Task<OccurrenceClaim?> TryClaimAsync(string teamId, string scheduleId, string occurrenceKey, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a claim to <see cref="OccurrenceState.Posting"/> just before the card is sent, checking
    /// that the claim is still ours. Null when another instance took it over meanwhile.
    /// </summary>
    Task<OccurrenceClaim?> TryStartPostingAsync(OccurrenceClaim claim, CancellationToken cancellationToken);

    Task MarkPostedAsync(OccurrenceClaim claim, string conversationId, string? activityId, CancellationToken cancellationToken);

    Task MarkSkippedAsync(OccurrenceClaim claim, string reason, CancellationToken cancellationToken);

    /// <summary>Records an occurrence nobody posted as skipped; false when it already has a record.</summary>
    Task<bool> TryRecordMissedAsync(string teamId, string scheduleId, string occurrenceKey, CancellationToken cancellationToken);

    /// <summary>Gives a claim back without posting, so the next run can post it.</summary>
    Task ReleaseAsync(OccurrenceClaim claim, CancellationToken cancellationToken);

    Task<PostedOccurrence?> GetAsync(string scheduleId, string occurrenceKey, CancellationToken cancellationToken);
}
