using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SofSBot.Storage;

internal static class BlobStorageExtensions
{
    /// <summary>
    /// Adds the blob service client of the tables' storage account: the same connection string
    /// (which must then name a blob endpoint, as Azurite's does), or the blob endpoint with the
    /// managed identity. Needs <see cref="TableStorageExtensions.AddTableStorage"/> for the options.
    /// </summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return new BlobServiceClient(options.ConnectionString);
            }

            var credential = new ManagedIdentityCredential(
                string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            return new BlobServiceClient(
                options.ResolveBlobServiceUri() ?? throw new InvalidOperationException($"Set {StorageOptions.SectionName}:{nameof(StorageOptions.BlobServiceUri)}."),
                credential);
        });
        return builder;
    }
}
