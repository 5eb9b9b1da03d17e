namespace SofSBot.BotFramework;

/// <summary>How the bot's Entra identity is set up (multi-tenant bot creation is deprecated).</summary>
public enum BotAppType
{
    /// <summary>A user-assigned managed identity: no secret to keep.</summary>
    UserAssignedManagedIdentity,

    /// <summary>A single-tenant app registration with a secret or a certificate.</summary>
    SingleTenant,

    /// <summary>A legacy multi-tenant app registration; tokens come from the botframework.com tenant.</summary>
    MultiTenant,
}
