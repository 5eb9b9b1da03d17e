namespace SofSBot.BotFramework.Cards;

/// <summary>The card's <c>msteams</c> object: Teams-only layout.</summary>
public sealed record TeamsCardProperties(string? Width)
{
    /// <summary>Use the whole width of the message pane: our cards hold lists and inputs.</summary>
    public static TeamsCardProperties FullWidth { get; } = new("Full");
}
