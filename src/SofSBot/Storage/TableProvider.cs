using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace SofSBot.Storage;

/// <summary>
/// Hands out table clients, creating each table the first time it is used. A failed creation is
/// not remembered, so the next call tries again once storage is back.
/// </summary>
internal sealed class TableProvider(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public async ValueTask<TableClient> GetTableAsync(string tableName, CancellationToken cancellationToken)
    {
        var fullName = options.Value.TablePrefix + tableName;
        var client = service.GetTableClient(fullName);
        if (!_created.ContainsKey(fullName))
        {
            await client.CreateIfNotExistsAsync(cancellationToken);
            _created.TryAdd(fullName, true);
        }

        return client;
    }
}
