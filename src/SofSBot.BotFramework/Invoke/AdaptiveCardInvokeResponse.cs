using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Invoke;

/// <summary>
/// The body of the answer to an <c>adaptiveCard/action</c> invoke (Universal Actions). Teams reads
/// one of three shapes: a card that replaces the card for the acting user, a message shown to the
/// user, or an error.
/// </summary>
public sealed record AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public required int StatusCode { get; init; }

    public required string Type { get; init; }

    public required object Value { get; init; }

    /// <summary>Replaces the card for the user who acted.</summary>
    public static InvokeResponse Card(object card) =>
        new(200, new AdaptiveCardInvokeResponse { StatusCode = 200, Type = CardType, Value = card });

    /// <summary>Shows <paramref name="text"/> to the user who acted, keeping the card as it is.</summary>
    public static InvokeResponse Message(string text) =>
        new(200, new AdaptiveCardInvokeResponse { StatusCode = 200, Type = MessageType, Value = text });

    /// <summary>Shows an error to the user who acted. The HTTP status stays 200, as Teams expects.</summary>
    public static InvokeResponse Error(string code, string message, int statusCode = 400) =>
        new(200, new AdaptiveCardInvokeResponse { StatusCode = statusCode, Type = ErrorType, Value = new InvokeError(code, message) });
}
