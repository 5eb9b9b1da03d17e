namespace SofSBot.Export;

/// <summary>
/// Where a coordinator is reached in personal chat: kept when they talk to SofSBot in personal chat
/// (or when the period-end reminder opened the chat), so messages to them need no roster lookup.
/// </summary>
/// <param name="AadObjectId">The coordinator's Entra object id, as <c>Roles:Coordinators</c> names them.</param>
/// <param name="UserId">Their Teams id (<c>29:…</c>).</param>
/// <param name="Locale">The Teams locale of their last personal message; null when they never wrote.</param>
internal sealed record CoordinatorConversation(
    string AadObjectId,
    string UserId,
    string ConversationId,
    string ServiceUrl,
    string TenantId,
    string? Locale,
    DateTimeOffset UpdatedAt);
