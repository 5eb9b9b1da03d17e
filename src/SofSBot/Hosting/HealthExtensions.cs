using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SofSBot.Storage;

namespace SofSBot.Hosting;

internal static class HealthExtensions
{
    /// <summary>The tag of the checks that say whether the app can serve: storage reachable.</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long one check may take before it counts as failed (storage clients retry within it).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Readiness checks for Table and Blob Storage, and the start-up summary in the log.</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>(TableStorageHealthCheck.Name, HealthStatus.Unhealthy, [ReadyTag], CheckTimeout)
            .AddCheck<BlobStorageHealthCheck>(BlobStorageHealthCheck.Name, HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        builder.Services.AddHostedService<StartupSummary>();
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (App Service's health check): 200 when every check passes, 503 otherwise, with
    /// each check's status and a short reason as JSON — never an exception's text or a credential.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints, string pattern)
    {
        endpoints.MapHealthChecks(pattern, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, milliseconds = (int)entry.Value.Duration.TotalMilliseconds }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
