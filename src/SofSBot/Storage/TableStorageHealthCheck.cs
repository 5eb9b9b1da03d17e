using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SofSBot.Storage;

/// <summary>
/// Readiness: Table Storage answers a query for one table name with the app's own credential. The
/// answer's content does not matter; that it came, and was not refused, does.
/// </summary>
internal sealed class TableStorageHealthCheck(TableServiceClient service) : IHealthCheck
{
    public const string Name = "tables";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in service.QueryAsync(filter: "TableName eq 'sofsbothealth'", maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
            {
                break;
            }

            return HealthCheckResult.Healthy("Table Storage answered.");
        }
        catch (RequestFailedException exception)
        {
            return HealthCheckResult.Unhealthy($"Table Storage refused the request (HTTP {exception.Status}).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table Storage could not be reached ({exception.GetType().Name}).");
        }
    }
}
