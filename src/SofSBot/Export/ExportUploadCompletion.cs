namespace SofSBot.Export;

/// <summary>How an upload to the coordinator's OneDrive ended well.</summary>
internal enum ExportUploadCompletion
{
    /// <summary>The session answered the last range with the new drive item.</summary>
    ItemCreated,

    /// <summary>The last range's answer was lost and the session has ended: the file is saved, the item unseen.</summary>
    ItemUnknown,
}
