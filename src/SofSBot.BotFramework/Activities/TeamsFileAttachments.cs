namespace SofSBot.BotFramework.Activities;

/// <summary>
/// The Teams attachments for sending a file in personal chat: a FileConsentCard asks the user to
/// accept it (Teams then sends <c>fileConsent/invoke</c> with an upload URL in their OneDrive), and a
/// file info card shows the uploaded file.
/// </summary>
public static class TeamsFileAttachments
{
    public const string FileConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoContentType = "application/vnd.microsoft.teams.card.file.info";

    /// <param name="context">Returned in the invoke as <c>context</c>, on accept and on decline alike.</param>
    public static Attachment FileConsentCard(string fileName, string description, long sizeInBytes, object context) => new()
    {
        ContentType = FileConsentContentType,
        Name = fileName,
        Content = new FileConsentCardContent(description, sizeInBytes, context, context),
    };

    public static Attachment FileInfoCard(string fileName, string contentUrl, string? uniqueId, string? fileType) => new()
    {
        ContentType = FileInfoContentType,
        Name = fileName,
        ContentUrl = contentUrl,
        Content = new FileInfoCardContent(uniqueId, fileType),
    };

    private sealed record FileConsentCardContent(string Description, long SizeInBytes, object AcceptContext, object DeclineContext);

    private sealed record FileInfoCardContent(string? UniqueId, string? FileType);
}
