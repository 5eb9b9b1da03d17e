using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>An action of a card; its <c>type</c> is written from the derived record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionSubmit), "Action.Submit")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
[JsonDerivedType(typeof(ActionShowCard), "Action.ShowCard")]
[JsonDerivedType(typeof(ActionToggleVisibility), "Action.ToggleVisibility")]
public abstract record CardAction
{
    public string? Title { get; init; }

    public string? Id { get; init; }

    /// <summary><c>positive</c> or <c>destructive</c>.</summary>
    public string? Style { get; init; }

    public string? Tooltip { get; init; }
}
