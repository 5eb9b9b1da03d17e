using System.ComponentModel.DataAnnotations;

namespace SofSBot.BotFramework;

/// <summary>
/// The bot's identity, shared by inbound authentication and the outbound connector token. With no
/// <see cref="AppId"/> the bot runs anonymously: only for local development against the Agents
/// Playground, and then bound to loopback.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Microsoft App ID of the Azure Bot resource (also the audience of Teams' tokens).</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of a single-tenant app or managed identity.</summary>
    public string? TenantId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.UserAssignedManagedIdentity;

    /// <summary>For <see cref="BotAppType.SingleTenant"/> with a secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>For <see cref="BotAppType.SingleTenant"/> with a certificate: path to a PKCS#12 or PEM file.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>For <see cref="BotAppType.UserAssignedManagedIdentity"/>: the identity's client id (defaults to <see cref="AppId"/>).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Where Bot Framework publishes its signing keys; tests point this at their own document.</summary>
    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The only issuer accepted on Teams' tokens.</summary>
    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Entra authority that issues the bot's outbound tokens.</summary>
    [Required]
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>The scope of outbound tokens for the Bot Connector.</summary>
    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>True when no app id is configured: inbound calls are not authenticated.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);
}
