using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SofSBot.Storage;

internal static class TableStorageExtensions
{
    /// <summary>Adds the table service client, from a connection string or the managed identity.</summary>
    public static IHostApplicationBuilder AddTableStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return new TableServiceClient(options.ConnectionString);
            }

            var credential = new ManagedIdentityCredential(
                string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            return new TableServiceClient(options.TableServiceUri, credential);
        });
        builder.Services.AddSingleton<TableProvider>();

        // The stores count the claims they take over; every host of them (app, CLI, benchmarks) has it.
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<Telemetry.BotTelemetry>();
        return builder;
    }
}
