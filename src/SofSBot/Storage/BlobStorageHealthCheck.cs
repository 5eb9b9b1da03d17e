using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SofSBot.Export;

namespace SofSBot.Storage;

/// <summary>
/// Readiness: Blob Storage answers for the export files' container. In Azure the app's identity
/// has rights on that container only, so the check asks about it rather than about the account;
/// a container not made yet (first export pending) is an answer too.
/// </summary>
internal sealed class BlobStorageHealthCheck(BlobServiceClient service, IOptions<StorageOptions> options) : IHealthCheck
{
    public const string Name = "blobs";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var container = service.GetBlobContainerClient(BlobExportFileStore.ContainerNameFor(options.Value));
            var exists = await container.ExistsAsync(cancellationToken);
            return HealthCheckResult.Healthy(exists.Value ? "Blob Storage answered." : "Blob Storage answered; the exports container is made with the first export.");
        }
        catch (RequestFailedException exception)
        {
            return HealthCheckResult.Unhealthy($"Blob Storage refused the request (HTTP {exception.Status}).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Blob Storage could not be reached ({exception.GetType().Name}).");
        }
    }
}
