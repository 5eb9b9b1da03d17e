using System.ComponentModel.DataAnnotations;

namespace SofSBot.BotFramework;

/// <summary>
/// The bot's identity, shared by inbound authentication and the outbound connector token. With no
/// <see cref="AppId"/> the bot runs anonymously: only for local development against the Agents
/// Playground (environment Development and <see cref="AllowAnonymous"/>; anything else stops the
/// start, see <c>BotOptionsValidator</c>), and then bound to loopback.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Microsoft App ID of the Azure Bot resource (also the audience of Teams' tokens).</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of a single-tenant app or managed identity.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The Entra tenants whose Teams may talk to the bot; empty means <see cref="TenantId"/> alone.
    /// Activities from any other tenant are refused before anything is stored.
    /// </summary>
    public IReadOnlyList<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Lets an empty <see cref="AppId"/> mean "no token check" — honoured only in the Development
    /// environment (the Agents Playground sends no tokens); elsewhere an empty app id stops the start.
    /// </summary>
    public bool AllowAnonymous { get; set; }

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

    /// <summary>The tenants accepted inbound: <see cref="AllowedTenants"/>, or else <see cref="TenantId"/>.</summary>
    public IReadOnlyList<string> EffectiveAllowedTenants
    {
        get
        {
            var listed = AllowedTenants.Where(tenant => !string.IsNullOrWhiteSpace(tenant)).Select(tenant => tenant.Trim()).ToList();
            return listed.Count > 0 ? listed : string.IsNullOrWhiteSpace(TenantId) ? [] : [TenantId.Trim()];
        }
    }

    /// <summary>Whether <paramref name="tenantId"/> is one of <see cref="EffectiveAllowedTenants"/> (ids compare case-insensitively).</summary>
    public bool IsAllowedTenant(string tenantId) =>
        EffectiveAllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
}
