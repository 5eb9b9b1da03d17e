namespace SofSBot.TeamsEvents;

/// <summary>What an installation event tells about a team.</summary>
internal sealed record TeamInstallation(string TeamId, string? Name, string? TenantId, string ServiceUrl, string? AadGroupId);
