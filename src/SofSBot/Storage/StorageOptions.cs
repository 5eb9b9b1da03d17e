using System.ComponentModel.DataAnnotations;

namespace SofSBot.Storage;

/// <summary>
/// Where the tables (and the blobs of finished exports) live. Locally a connection string
/// (<c>ConnectionStrings:Tables</c>, e.g. Azurite's <c>UseDevelopmentStorage=true</c>, naming both
/// endpoints); in Azure the table and blob endpoints of one account, reached with the app's managed identity.
/// </summary>
internal sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public const string ConnectionStringName = "Tables";

    /// <summary>The table endpoint, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>
    /// The blob endpoint, e.g. <c>https://account.blob.core.windows.net</c>. When unset, the table
    /// endpoint's account is used (<c>.table.</c> becomes <c>.blob.</c>).
    /// </summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The client id of the user-assigned managed identity that may use the tables and blobs.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prefixed to every table name and (in lower case) to the blob container's: lets tests and
    /// several environments share one account.
    /// </summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Bound from <c>ConnectionStrings:Tables</c>.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && TableServiceUri is null)
        {
            yield return new ValidationResult(
                $"Set ConnectionStrings:{ConnectionStringName} (locally, e.g. UseDevelopmentStorage=true) or {SectionName}:{nameof(TableServiceUri)} (in Azure).",
                [nameof(TableServiceUri)]);
        }
        else if (string.IsNullOrWhiteSpace(ConnectionString) && ResolveBlobServiceUri() is null)
        {
            yield return new ValidationResult(
                $"Set {SectionName}:{nameof(BlobServiceUri)}: the blob endpoint cannot be told from {TableServiceUri}.",
                [nameof(BlobServiceUri)]);
        }
    }

    /// <summary>The blob endpoint: <see cref="BlobServiceUri"/>, or the table endpoint's account's (null when it has no <c>.table.</c>).</summary>
    public Uri? ResolveBlobServiceUri()
    {
        if (BlobServiceUri is not null || TableServiceUri is null)
        {
            return BlobServiceUri;
        }

        var labels = TableServiceUri.Host.Split('.');
        var table = Array.IndexOf(labels, "table");
        if (table < 1)
        {
            return null;
        }

        labels[table] = "blob";
        return new UriBuilder(TableServiceUri) { Host = string.Join('.', labels) }.Uri;
    }
}
