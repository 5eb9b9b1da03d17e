namespace SofSBot.Scheduling;

/// <summary>The teams' schedules.</summary>
internal interface IScheduleStore
{
    Task<Schedule?> GetAsync(string teamId, string scheduleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Schedule>> ListForTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Every schedule that is not paused, across all teams: what the scheduler walks.</summary>
    IAsyncEnumerable<Schedule> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a schedule.</summary>
    Task SaveAsync(Schedule schedule, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a schedule only if its last change is still <paramref name="expectedUpdatedAt"/>
    /// (checked with the row's ETag); false if it changed or went away meanwhile.
    /// </summary>
    Task<bool> TryReplaceAsync(Schedule schedule, DateTimeOffset expectedUpdatedAt, CancellationToken cancellationToken);

    Task DeleteAsync(string teamId, string scheduleId, CancellationToken cancellationToken);

    /// <summary>Every schedule, in all teams, whose <see cref="Schedule.CreatedBy"/> is one of <paramref name="creatorIds"/> (a scan: "mina data" only).</summary>
    Task<IReadOnlyList<Schedule>> ListCreatedByAsync(IReadOnlyCollection<string> creatorIds, CancellationToken cancellationToken);

    /// <summary>
    /// Blanks <see cref="Schedule.CreatedBy"/> when it is one of <paramref name="creatorIds"/>; the schedule
    /// itself, its rule and its last change stay. False when it no longer names them.
    /// </summary>
    Task<bool> ForgetCreatorAsync(string teamId, string scheduleId, IReadOnlyCollection<string> creatorIds, CancellationToken cancellationToken);
}
