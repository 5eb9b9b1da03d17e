using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SofSBot.Bot;
using SofSBot.BotFramework.Hosting;
using SofSBot.Roles;
using SofSBot.Routines;
using SofSBot.Scheduling;
using SofSBot.Storage;

namespace SofSBot.Bench;

/// <summary>
/// The bot's services as Program.cs registers them (the same <c>AddX</c> extensions), on a plain host
/// without the web endpoint: anonymous (no tokens), the scheduler's own loop off so the benchmark
/// drives <see cref="SchedulerService.RunOnceAsync"/>, and only warnings that matter logged.
/// </summary>
internal static class BotHost
{
    public static IHost Build(string tablesConnectionString, string tablePrefix, BenchOptions options, TimeProvider time)
    {
        // Development: the bot allows an empty app id (anonymous mode) nowhere else.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = tablesConnectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Bot:AppId"] = string.Empty,
            ["Bot:AllowAnonymous"] = "true",
            ["Bot:TenantId"] = "00000000-0000-4000-8000-0000000be4c1",
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:RequestsPerSecond"] = options.Budget.ToString(CultureInfo.InvariantCulture),
        };
        if (options.MaxParallelPosts is { } parallel)
        {
            settings["Scheduler:MaxParallelPosts"] = parallel.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Expected here: 429s are the point, and retries or a post given back to the next pass are
        // reported by the scheduler itself (a warning per occurrence).
        builder.Logging.AddFilter("SofSBot.BotFramework.Connector.ConnectorClient", LogLevel.Error);
        builder.Logging.AddFilter("SofSBot.BotFramework.Hosting.AnonymousModeGuard", LogLevel.Error);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Error);

        builder.Services.AddSingleton(time);
        builder.AddBotFramework();
        builder.AddTableStorage();
        builder.AddRoles();
        builder.AddConversation();
        builder.AddScheduling();
        builder.AddRoutines();
        return builder.Build();
    }
}
