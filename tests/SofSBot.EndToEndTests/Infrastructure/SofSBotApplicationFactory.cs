using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SofSBot.Bot;
using SofSBot.BotFramework.Hosting;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>
/// The real bot (its own Program, services and configuration) on real Kestrel at
/// <c>http://127.0.0.1:{port}</c>, so the Agents Playground, a separate process, can reach it.
/// Anonymous mode (no <c>Bot:AppId</c>, environment Development, <c>Bot:AllowAnonymous</c>) taking the
/// Playground's demo tenant, tables in Azurite under their own prefix. The only addition
/// is <see cref="RecordingActivityHandler"/> around the real handler, and logs kept in memory.
/// </summary>
internal sealed class SofSBotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly int _port;
    private readonly string _tablesConnectionString;
    private readonly string _tablePrefix;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">More configuration, e.g. <c>Roles:Coordinators:0</c>; applied last.</param>
    public SofSBotApplicationFactory(int port, string tablesConnectionString, string tablePrefix, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _port = port;
        _tablesConnectionString = tablesConnectionString;
        _tablePrefix = tablePrefix;
        _settings = settings ?? new Dictionary<string, string?>();
        // Real sockets; the address comes from "urls" below, which the bot rebinds to 127.0.0.1
        // in anonymous mode (AnonymousModeGuard.BindToLoopback).
        UseKestrel();
    }

    /// <summary>Where the Playground sends activities.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/api/messages");

    public HandledActivities Handled { get; } = new();

    public RecentLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}",
                ["ConnectionStrings:Tables"] = _tablesConnectionString,
                ["Storage:TablePrefix"] = _tablePrefix,
                ["Bot:AppId"] = string.Empty,
                ["Bot:AllowAnonymous"] = "true",
                ["Bot:AllowedTenants:0"] = PlaygroundDemoTenant.Id,
            })
            .AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ActivityRouter>();
            services.AddSingleton(Handled);
            services.Replace(ServiceDescriptor.Singleton<IActivityHandler>(provider =>
                new RecordingActivityHandler(provider.GetRequiredService<ActivityRouter>(), provider.GetRequiredService<HandledActivities>())));
        });
    }
}
