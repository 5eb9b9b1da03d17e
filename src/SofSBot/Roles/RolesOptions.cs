namespace SofSBot.Roles;

/// <summary>Who holds the organisation-wide roles.</summary>
internal sealed class RolesOptions
{
    public const string SectionName = "Roles";

    /// <summary>The Entra object ids of the coordinators (samordnare, metodutvecklare).</summary>
    public IReadOnlyList<string> Coordinators { get; set; } = [];
}
