using System.ComponentModel.DataAnnotations;
using SofSBot.Storage;

namespace SofSBot.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Blob_endpoint_defaults_to_the_table_endpoints_account()
    {
        var options = new StorageOptions { TableServiceUri = new Uri("https://stsofsbotabc123.table.core.windows.net/") };

        Assert.Equal(new Uri("https://stsofsbotabc123.blob.core.windows.net/"), options.ResolveBlobServiceUri());
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Blob_endpoint_that_is_set_wins()
    {
        var options = new StorageOptions
        {
            TableServiceUri = new Uri("https://stsofsbotabc123.table.core.windows.net/"),
            BlobServiceUri = new Uri("https://exports.example.org/"),
        };

        Assert.Equal(new Uri("https://exports.example.org/"), options.ResolveBlobServiceUri());
    }

    [Fact]
    public void Table_endpoint_without_a_table_label_and_no_blob_endpoint_is_refused_at_start_naming_the_key()
    {
        var options = new StorageOptions { TableServiceUri = new Uri("https://tables.example.org/") };

        var error = Assert.Single(Validate(options));

        Assert.Contains("Storage:BlobServiceUri", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static List<ValidationResult> Validate(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
