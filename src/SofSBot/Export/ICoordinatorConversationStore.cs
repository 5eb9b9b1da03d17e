namespace SofSBot.Export;

/// <summary>The coordinators' personal conversations with SofSBot (never anyone else's).</summary>
internal interface ICoordinatorConversationStore
{
    Task<CoordinatorConversation?> GetAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Stores the conversation; a null <see cref="CoordinatorConversation.Locale"/> keeps the stored one.</summary>
    Task SaveAsync(CoordinatorConversation conversation, CancellationToken cancellationToken);

    /// <summary>Forgets it, e.g. when Teams says the chat is gone; the next message opens a new one.</summary>
    Task DeleteAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The conversations stored for a Teams user id (for "mina data").</summary>
    Task<IReadOnlyList<CoordinatorConversation>> FindByUserAsync(string userId, CancellationToken cancellationToken);
}
