namespace SofSBot.CardActions;

/// <summary>The error codes of refused card actions, as sent in the invoke response.</summary>
internal static class CardActionErrors
{
    public const string UnknownAction = "unknownAction";
    public const string Forbidden = "forbidden";
    public const string InvalidInput = "invalidInput";
    public const string Failed = "failed";
}
