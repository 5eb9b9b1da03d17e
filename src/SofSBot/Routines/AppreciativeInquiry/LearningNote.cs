namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>One saved version of a meeting's "what we take with us" note; versions count from 1.</summary>
internal sealed record LearningNote(int Version, string Text, string AuthorId, string AuthorName, DateTimeOffset SavedAt)
{
    public const int MaxLength = 500;
}
