namespace SofSBot.Privacy;

/// <summary>What the guard made of a free text: the text as it would be stored, and what stops it.</summary>
/// <param name="Text">Trimmed, line breaks as "\n"; empty when the text held a personal identity number, so it cannot be stored or shown by mistake.</param>
internal sealed record FreeTextCheck(string Text, FreeTextProblem Problem)
{
    public bool IsAccepted => Problem == FreeTextProblem.None;

    /// <summary>What the input may show again after a refusal: the text to shorten, never one with a number.</summary>
    public string Draft => Text;
}
