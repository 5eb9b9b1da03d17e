namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>An activity the bot has finished handling (its replies are sent by then).</summary>
internal sealed record HandledActivity(string? Type, string? Name, string ConversationId, string? Text);
