using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Routing;

namespace SofSBot.Tests.Routing;

/// <summary>A test verb's typed data: a whole number of minutes from 1 to 60.</summary>
internal sealed record ProbeData(int Minutes) : ICardData<ProbeData>
{
    public static ProbeData? Bind(AdaptiveCardAction action) =>
        int.TryParse(action.GetDataString("minutes"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
        && minutes is >= 1 and <= 60
            ? new ProbeData(minutes)
            : null;

    public static string InvalidMessage(Language language) => language == Language.English
        ? "Give the minutes as a whole number from 1 to 60. Nothing was saved."
        : "Ange minuterna som ett heltal från 1 till 60. Inget har sparats.";
}
