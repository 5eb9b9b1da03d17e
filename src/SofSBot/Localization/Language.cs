namespace SofSBot.Localization;

/// <summary>The bot's languages. Swedish is the default; English is complete too.</summary>
internal enum Language
{
    Swedish,
    English,
}
