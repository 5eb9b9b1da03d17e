namespace SofSBot.BotFramework.Invoke;

/// <summary>
/// The synchronous answer to an invoke activity: <see cref="Status"/> becomes the HTTP status and
/// <see cref="Body"/> the JSON body that Teams passes back to the client.
/// </summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    /// <summary>Acknowledges an invoke with no body.</summary>
    public static InvokeResponse Ok() => new(200, null);
}
