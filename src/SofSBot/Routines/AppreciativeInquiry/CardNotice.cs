namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>A line at the top of the acting user's view: a confirmation, or why nothing was stored.</summary>
internal sealed record CardNotice(string Text, bool IsError)
{
    public static CardNotice Done(string text) => new(text, false);

    public static CardNotice Refused(string text) => new(text, true);
}
