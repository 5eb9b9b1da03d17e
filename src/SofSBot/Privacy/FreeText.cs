namespace SofSBot.Privacy;

/// <summary>
/// The one guard for text that users type and SofSBot stores (highlights, learning notes,
/// case-supervision questions, team goals, the goal catalogue's texts, period names). The personal
/// identity number is looked for first, in the text as it arrived: a text that holds one is refused
/// for that alone, whatever its length, and the check keeps nothing of it to echo. Only then the
/// empty text and the length, counted on the text as it would be stored.
/// </summary>
internal static class FreeText
{
    public static FreeTextCheck Check(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (PersonalIdentityNumbers.ContainsAny(text))
        {
            return new FreeTextCheck(string.Empty, FreeTextProblem.PersonalIdentityNumber);
        }

        var stored = (text ?? string.Empty).ReplaceLineEndings("\n").Trim();
        var problem = stored.Length == 0 ? FreeTextProblem.Empty
            : stored.Length > maxLength ? FreeTextProblem.TooLong
            : FreeTextProblem.None;
        return new FreeTextCheck(stored, problem);
    }
}
