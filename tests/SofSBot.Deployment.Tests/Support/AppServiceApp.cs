using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// The real app configured only by the given settings, as App Service runs it: environment
/// Production (so no appsettings.Development.json and no local connection string) and the
/// scheduler off, so nothing reaches for Azure while the test looks at the configuration.
/// </summary>
internal sealed class AppServiceApp(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Scheduler:Enabled", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
