using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_entity_written_to_a_new_table_reads_back_the_same()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var table = await azurite.CreateTableAsync("fixture", timeout.Token);

        var written = new TableEntity("team-1", "round-2025-09")
        {
            ["Goal"] = "Säkerhetsplanering",
            ["Rating"] = 7,
        };
        await table.AddEntityAsync(written, timeout.Token);
        var read = (await table.GetEntityAsync<TableEntity>("team-1", "round-2025-09", cancellationToken: timeout.Token)).Value;

        Assert.Equal("Säkerhetsplanering", read.GetString("Goal"));
        Assert.Equal(7, read.GetInt32("Rating"));
    }

    [Fact]
    public async Task A_duplicate_add_is_refused_with_409_as_in_Azure()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var table = await azurite.CreateTableAsync(cancellationToken: timeout.Token);
        await table.AddEntityAsync(new TableEntity("p", "r"), timeout.Token);

        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.AddEntityAsync(new TableEntity("p", "r"), timeout.Token));

        Assert.Equal(409, duplicate.Status);
    }

    [Fact]
    public void The_connection_string_points_at_the_fixtures_own_port()
    {
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.NotEqual(AzuriteFixture.NewTableName("t"), AzuriteFixture.NewTableName("t"));
    }

    [Fact]
    public async Task A_blob_written_through_the_connection_string_reads_back_the_same()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.NewTableName("c"));
        await container.CreateIfNotExistsAsync(cancellationToken: timeout.Token);

        await container.GetBlobClient("file").UploadAsync(BinaryData.FromString("PK skattningar"), timeout.Token);
        var read = (await container.GetBlobClient("file").DownloadContentAsync(timeout.Token)).Value.Content.ToString();

        Assert.Equal("PK skattningar", read);
    }
}
