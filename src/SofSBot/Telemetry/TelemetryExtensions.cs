using System.Reflection;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SofSBot.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>The setting that switches on the export to Application Insights (App Service sets it from the Bicep).</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Locally: write spans and metrics to the console (default off).</summary>
    public const string ConsoleKey = "Telemetry:Console";

    /// <summary>
    /// OpenTelemetry: SofSBot's own spans and metrics always; exported to Azure Monitor (with the
    /// distro's ASP.NET Core, HttpClient and Azure SDK instrumentation and the logs) only when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to the console only when
    /// <c>Telemetry:Console</c> is true, and otherwise nowhere — so local runs need no Azure account
    /// and try to reach nothing.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<BotTelemetry>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ThrottleCountingFilter>());

        var version = typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name, serviceVersion: version))
            .WithTracing(tracing => tracing.AddSource(BotTelemetry.Name).AddProcessor<TelemetryScrubber>())
            .WithMetrics(metrics => metrics.AddMeter(BotTelemetry.Name));

        var connectionString = builder.Configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }
        else if (builder.Configuration.GetValue<bool>(ConsoleKey))
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        // HttpClient's own logs name each request's URL, the OneDrive upload's included: they stay
        // in the console log at Warning, and never reach the exported logs.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("System.Net.Http", LogLevel.Warning);
        return builder;
    }
}
