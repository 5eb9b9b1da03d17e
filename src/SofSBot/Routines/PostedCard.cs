namespace SofSBot.Routines;

/// <summary>Where a routine card is in Teams: the channel thread's conversation id and the card's activity id.</summary>
internal sealed record PostedCard(string ConversationId, string ActivityId);
