namespace SofSBot.Routines.CaseSupervision;

/// <summary>A member of the team's roster, by Teams user id (<c>29:…</c>) and display name.</summary>
internal sealed record TeamMember(string UserId, string Name);
