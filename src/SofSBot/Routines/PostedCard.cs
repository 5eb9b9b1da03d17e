namespace SofSBot.Routines;

/// <summary>Where a routine card is in Teams: the thread it started and its message, as the connector answered the post.</summary>
internal sealed record PostedCard(string ConversationId, string ActivityId);
