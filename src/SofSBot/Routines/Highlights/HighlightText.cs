using SofSBot.Privacy;

namespace SofSBot.Routines.Highlights;

/// <summary>Why a highlight's text cannot be stored.</summary>
internal enum HighlightTextProblem
{
    None,
    Empty,
    TooLong,
    PersonalIdentityNumber,
}

/// <summary>The rules for a highlight's text: short, not empty, and nothing that identifies a client.</summary>
internal static class HighlightText
{
    public const int MaxLength = 500;

    /// <summary>The text as it would be stored: trimmed, so a trailing newline does not count or differ.</summary>
    public static string Normalize(string? text) => (text ?? string.Empty).Trim();

    public static HighlightTextProblem Check(string normalized) => normalized switch
    {
        "" => HighlightTextProblem.Empty,
        { Length: > MaxLength } => HighlightTextProblem.TooLong,
        _ when PersonalIdentityNumbers.ContainsAny(normalized) => HighlightTextProblem.PersonalIdentityNumber,
        _ => HighlightTextProblem.None,
    };
}
