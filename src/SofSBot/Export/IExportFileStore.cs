namespace SofSBot.Export;

/// <summary>Where finished exports wait for the coordinator's consent, reachable from every instance.</summary>
internal interface IExportFileStore
{
    /// <summary>Stores the file's bytes under a new random id and returns what was stored.</summary>
    Task<ExportFile> SaveAsync(Stream content, string userId, string fileName, string description, Localization.Language language, CancellationToken cancellationToken);

    /// <summary>The file's description, or null when there is no such file (or the id is not one of ours).</summary>
    Task<ExportFile?> FindAsync(string exportId, CancellationToken cancellationToken);

    /// <summary>The file's bytes, read as they are consumed.</summary>
    Task<Stream> OpenReadAsync(string exportId, CancellationToken cancellationToken);

    /// <summary>Deletes the file; a file already gone is fine.</summary>
    Task DeleteAsync(string exportId, CancellationToken cancellationToken);

    /// <summary>Deletes every file created before <paramref name="createdBefore"/>; returns how many.</summary>
    Task<int> DeleteCreatedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
