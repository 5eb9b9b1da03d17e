namespace SofSBot.Roles;

/// <summary>Who a command or card action is open to; checked on the server for every call.</summary>
internal enum CommandAudience
{
    Everyone,
    TeamLeaders,
    Coordinators,
}
