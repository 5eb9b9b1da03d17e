namespace SofSBot.Privacy;

/// <summary>Everything stored about a user, gathered from every feature, and its erasure.</summary>
internal sealed partial class PersonalData(IEnumerable<IPersonalDataSource> sources, ILogger<PersonalData> logger)
{
    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var items = new List<PersonalDataItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.FindAsync(subject, cancellationToken));
        }

        return items;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var source in sources)
        {
            erased += await source.EraseAsync(subject, cancellationToken);
        }

        LogErased(erased);
        return erased;
    }

    // Without the user id: the log must not keep what was just erased.
    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} stored items at a user's request")]
    private partial void LogErased(int count);
}
