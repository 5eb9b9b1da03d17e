namespace SofSBot.TeamsEvents;

/// <summary>The teams SofSBot is in, their channels and their installed state.</summary>
internal interface ITeamStore
{
    Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that SofSBot is installed in the team, refreshing name, tenant and service URL. True
    /// only for the call that changed the team from not installed to installed: the one that greets.
    /// </summary>
    Task<bool> MarkInstalledAsync(TeamInstallation installation, CancellationToken cancellationToken);

    /// <summary>Changes a known team; does nothing for a team never seen. Safe against concurrent changes.</summary>
    Task UpdateTeamAsync(string teamId, Func<Team, Team> change, CancellationToken cancellationToken);

    Task UpsertChannelAsync(string teamId, string channelId, string? name, CancellationToken cancellationToken);

    Task MarkChannelDeletedAsync(string teamId, string channelId, CancellationToken cancellationToken);

    /// <summary>The team's channels, deleted ones left out.</summary>
    Task<IReadOnlyList<TeamChannel>> ListChannelsAsync(string teamId, CancellationToken cancellationToken);
}
