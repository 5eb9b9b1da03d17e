namespace SofSBot.Ratings;

/// <summary>How a guarded write to the goal catalogue or the periods went.</summary>
internal enum CatalogueWrite
{
    Saved,

    /// <summary>The row changed since the version the editor read: nothing was written.</summary>
    ChangedMeanwhile,

    NotFound,
}
