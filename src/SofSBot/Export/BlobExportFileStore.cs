using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Export;

/// <summary>
/// Finished exports as blobs in a private container (<c>exports</c>, after the storage prefix), so
/// that a consent reaching any instance finds the file. The blob name is a random 128-bit id; who
/// the file is for, its name and when it was made are the blob's metadata (escaped: metadata is ASCII).
/// </summary>
internal sealed class BlobExportFileStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IExportFileStore
{
    public const string ContainerName = "exports";

    private const string UserIdKey = "userid";
    private const string FileNameKey = "filename";
    private const string DescriptionKey = "description";
    private const string CreatedAtKey = "createdat";
    private const string LanguageKey = "language";
    private const int IdLength = 32;

    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    /// <summary>The container's name: the storage prefix in lower case (container names allow no capitals), then <c>exports</c>.</summary>
    public string FullContainerName => ContainerNameFor(options.Value);

    /// <summary>The container of the export files for these storage options.</summary>
    public static string ContainerNameFor(StorageOptions storage) => (storage.TablePrefix + ContainerName).ToLowerInvariant();

    public async Task<ExportFile> SaveAsync(Stream content, string userId, string fileName, string description, Language language, CancellationToken cancellationToken)
    {
        var container = await GetContainerAsync(cancellationToken);
        var exportId = RandomNumberGenerator.GetHexString(IdLength, lowercase: true);
        var file = new ExportFile(exportId, userId, fileName, description, time.GetUtcNow(), language, content.Length - content.Position);
        await container.GetBlobClient(exportId).UploadAsync(content, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [UserIdKey] = Uri.EscapeDataString(userId),
                [FileNameKey] = Uri.EscapeDataString(fileName),
                [DescriptionKey] = Uri.EscapeDataString(description),
                [CreatedAtKey] = file.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                [LanguageKey] = language.ToString(),
            },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);
        return file;
    }

    public async Task<ExportFile?> FindAsync(string exportId, CancellationToken cancellationToken)
    {
        if (!IsExportId(exportId))
        {
            return null;
        }

        try
        {
            var properties = (await Container.GetBlobClient(exportId).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return Read(exportId, properties.Metadata, properties.ContentLength, properties.CreatedOn);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenReadAsync(string exportId, CancellationToken cancellationToken)
    {
        if (!IsExportId(exportId))
        {
            throw new ArgumentException("Not an export id.", nameof(exportId));
        }

        return await Container.GetBlobClient(exportId).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
    }

    public async Task DeleteAsync(string exportId, CancellationToken cancellationToken)
    {
        if (IsExportId(exportId))
        {
            try
            {
                await Container.GetBlobClient(exportId).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // The container is gone too: so is the file.
            }
        }
    }

    public async Task<int> DeleteCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            await foreach (var blob in Container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken))
            {
                var file = IsExportId(blob.Name) ? Read(blob.Name, blob.Metadata, blob.Properties.ContentLength ?? 0, blob.Properties.CreatedOn ?? DateTimeOffset.MinValue) : null;
                var createdAt = file?.CreatedAt ?? blob.Properties.CreatedOn ?? DateTimeOffset.MinValue;
                if (createdAt < createdBefore)
                {
                    await Container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                    deleted++;
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No container yet: nothing to delete.
        }

        return deleted;
    }

    /// <summary>Ids are ours only if they look like ours: nothing else reaches the container as a blob name.</summary>
    private static bool IsExportId(string exportId) =>
        exportId.Length == IdLength && exportId.All(character => char.IsAsciiDigit(character) || character is >= 'a' and <= 'f');

    private static ExportFile Read(string exportId, IDictionary<string, string> metadata, long size, DateTimeOffset blobCreatedOn)
    {
        string Text(string key) => metadata.TryGetValue(key, out var value) ? Uri.UnescapeDataString(value) : string.Empty;
        var createdAt = DateTimeOffset.TryParse(Text(CreatedAtKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : blobCreatedOn;
        var language = Enum.TryParse<Language>(Text(LanguageKey), out var found) ? found : Language.Swedish;
        return new ExportFile(exportId, Text(UserIdKey), Text(FileNameKey), Text(DescriptionKey), createdAt, language, size);
    }

    private BlobContainerClient Container => service.GetBlobContainerClient(FullContainerName);

    private async Task<BlobContainerClient> GetContainerAsync(CancellationToken cancellationToken)
    {
        var container = Container;
        if (!_created.ContainsKey(container.Name))
        {
            // Private: no public access level; only the app's identity (or the account key) reads it.
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            _created.TryAdd(container.Name, true);
        }

        return container;
    }
}
