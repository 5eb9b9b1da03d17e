using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace SofSBot.BotFramework.Connector;

/// <summary>Builds the Azure.Identity credential that gets the bot's outbound tokens.</summary>
internal static class BotCredentialFactory
{
    /// <summary>The tenant that issues tokens to legacy multi-tenant bots.</summary>
    public const string MultiTenantTenantId = "botframework.com";

    /// <summary>
    /// The credential for <paramref name="options"/>, or null for an anonymous bot.
    /// <paramref name="configure"/> lets tests swap the HTTP transport.
    /// </summary>
    public static TokenCredential? Create(BotOptions options, Action<TokenCredentialOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsAnonymous)
        {
            return null;
        }

        var appId = options.AppId!;
        switch (options.AppType)
        {
            case BotAppType.UserAssignedManagedIdentity:
                var clientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? appId : options.ManagedIdentityClientId;
                return new ManagedIdentityCredential(
                    Configure(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(clientId)), options, configure));
            case BotAppType.SingleTenant:
                var tenantId = string.IsNullOrWhiteSpace(options.TenantId)
                    ? throw new InvalidOperationException("Bot:TenantId is required for a single-tenant bot.")
                    : options.TenantId;
                return CreateAppCredential(options, tenantId, appId, configure);
            case BotAppType.MultiTenant:
                return CreateAppCredential(options, MultiTenantTenantId, appId, configure);
            default:
                throw new InvalidOperationException($"Bot:AppType {options.AppType} is not supported.");
        }
    }

    private static TokenCredential CreateAppCredential(BotOptions options, string tenantId, string appId, Action<TokenCredentialOptions>? configure)
    {
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            return new ClientSecretCredential(tenantId, appId, options.ClientSecret, Configure(new ClientSecretCredentialOptions(), options, configure));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var credentialOptions = Configure(new ClientCertificateCredentialOptions(), options, configure);
            return string.IsNullOrEmpty(options.CertificatePassword)
                ? new ClientCertificateCredential(tenantId, appId, options.CertificatePath, credentialOptions)
                : new ClientCertificateCredential(tenantId, appId, LoadCertificate(options.CertificatePath, options.CertificatePassword), credentialOptions);
        }

        throw new InvalidOperationException($"Bot:ClientSecret or Bot:CertificatePath is required for a {options.AppType} bot.");
    }

    // Azure.Identity reads a file only without a password; with one, we load it ourselves.
    private static X509Certificate2 LoadCertificate(string path, string password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromEncryptedPemFile(path, password)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);

    private static T Configure<T>(T credentialOptions, BotOptions options, Action<TokenCredentialOptions>? configure)
        where T : TokenCredentialOptions
    {
        credentialOptions.AuthorityHost = options.AuthorityHost;
        configure?.Invoke(credentialOptions);
        return credentialOptions;
    }
}
