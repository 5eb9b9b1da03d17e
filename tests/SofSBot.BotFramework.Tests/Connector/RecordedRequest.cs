namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>What reached the (mocked) Bot Connector.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Uri, string? Body, string? Authorization);
