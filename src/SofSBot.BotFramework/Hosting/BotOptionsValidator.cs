using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SofSBot.BotFramework.Hosting;

/// <summary>
/// Stops the start when the bot would accept calls it cannot check: an empty app id anywhere but a
/// developer's machine (environment Development with <c>Bot:AllowAnonymous</c>), or no tenant whose
/// activities it may take. Each failure is one sentence naming the keys to set.
/// </summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    internal const string AnonymousRefused =
        "Bot:AppId is empty: set it to the Azure Bot's app id (only a local run with ASPNETCORE_ENVIRONMENT=Development and Bot:AllowAnonymous=true may leave it empty).";

    internal const string NoAllowedTenant =
        "No tenant may use the bot: set Bot:AllowedTenants (or Bot:TenantId) to your organisation's Entra tenant id.";

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(2);
        if (options.IsAnonymous && !(options.AllowAnonymous && environment.IsDevelopment()))
        {
            failures.Add(AnonymousRefused);
        }

        // Also in anonymous mode: the Playground's demo tenant is configured like a real one.
        if (options.EffectiveAllowedTenants.Count == 0)
        {
            failures.Add(NoAllowedTenant);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
