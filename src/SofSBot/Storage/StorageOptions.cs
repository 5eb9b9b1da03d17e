using System.ComponentModel.DataAnnotations;

namespace SofSBot.Storage;

/// <summary>
/// Where the tables live. Locally a connection string (<c>ConnectionStrings:Tables</c>, e.g. Azurite's
/// <c>UseDevelopmentStorage=true</c>); in Azure the table endpoint, reached with the app's managed identity.
/// </summary>
internal sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public const string ConnectionStringName = "Tables";

    /// <summary>The table endpoint, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The client id of the user-assigned managed identity that may use the tables.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefixed to every table name: lets tests and several environments share one account.</summary>
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
    }
}
