using SofSBot.BotFramework.Cards;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The line on top of a catalogue card: what was just done, or what was refused and why.</summary>
internal static class CardMessages
{
    public static IEnumerable<CardElement> For(string? notice, IReadOnlyList<string>? errors)
    {
        if (errors is { Count: > 0 })
        {
            yield return new Container([.. errors.Select(error => new TextBlock(error) { Color = TextColor.Attention, Weight = TextWeight.Bolder })])
            {
                Style = ContainerStyle.Attention,
            };
        }
        else if (notice is not null)
        {
            yield return new TextBlock(notice) { Color = TextColor.Good };
        }
    }
}
