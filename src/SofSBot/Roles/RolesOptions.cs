using System.ComponentModel.DataAnnotations;

namespace SofSBot.Roles;

/// <summary>
/// Who holds the organisation-wide roles, and how team owners are read from Microsoft Graph
/// (section <c>Roles</c>).
/// </summary>
internal sealed class RolesOptions
{
    public const string SectionName = "Roles";

    /// <summary>The Entra object ids of the coordinators (samordnare, metodutvecklare).</summary>
    public IReadOnlyList<string> Coordinators { get; set; } = [];

    /// <summary>How long a team's owners read from Graph are trusted before they are read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OwnerCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Microsoft Graph endpoint, with its version (national clouds have their own).</summary>
    [Required]
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0/");

    /// <summary>The scope of the bot's app-only Graph token (resource-specific consent: <c>TeamMember.Read.Group</c>).</summary>
    [Required]
    public string GraphScope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>The time limit of one read of a team's members, all pages included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan GraphTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
