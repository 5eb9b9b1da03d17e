namespace SofSBot.Privacy;

/// <summary>Why a free text cannot be stored, in the order the guard looks.</summary>
internal enum FreeTextProblem
{
    None,

    /// <summary>It holds a personal identity or coordination number: refused whatever else is wrong, and never shown back.</summary>
    PersonalIdentityNumber,

    Empty,

    TooLong,
}
