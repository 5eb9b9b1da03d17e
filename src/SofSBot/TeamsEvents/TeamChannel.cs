namespace SofSBot.TeamsEvents;

/// <summary>A channel of a team. Teams gives the General channel no name; <see cref="Name"/> is then null.</summary>
internal sealed record TeamChannel(string TeamId, string ChannelId, string? Name, bool IsDeleted, DateTimeOffset UpdatedAt)
{
    public bool IsGeneral => string.Equals(TeamId, ChannelId, StringComparison.Ordinal);
}
