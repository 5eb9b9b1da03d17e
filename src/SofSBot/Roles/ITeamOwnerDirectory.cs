namespace SofSBot.Roles;

/// <summary>Where a team's owners are read: Microsoft Graph, with resource-specific consent.</summary>
internal interface ITeamOwnerDirectory
{
    /// <summary>
    /// The Entra object ids of the owners of the team backed by Microsoft 365 group
    /// <paramref name="aadGroupId"/>. Throws when they cannot be read.
    /// </summary>
    Task<IReadOnlySet<string>> GetOwnersAsync(string aadGroupId, CancellationToken cancellationToken);
}
