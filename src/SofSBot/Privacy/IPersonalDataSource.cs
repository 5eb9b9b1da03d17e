namespace SofSBot.Privacy;

/// <summary>
/// A feature that stores something about users. Each implements this so "mina data" shows everything
/// and erases everything: register it with <c>services.AddSingleton&lt;IPersonalDataSource, …&gt;()</c>.
/// </summary>
internal interface IPersonalDataSource
{
    /// <summary>Everything this feature keeps about the user.</summary>
    Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>Deletes it; returns how many stored items went. Aggregates computed from the stored data follow.</summary>
    Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken);
}
