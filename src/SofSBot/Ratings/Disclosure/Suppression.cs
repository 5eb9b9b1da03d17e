namespace SofSBot.Ratings.Disclosure;

/// <summary>Why a group's figures (or a total's) are not shown; <see cref="None"/> when they are.</summary>
internal enum Suppression
{
    /// <summary>Shown: figures and the exact number of respondents.</summary>
    None,

    /// <summary>Nobody answered: the count 0 is shown, there are no figures.</summary>
    NoAnswers,

    /// <summary>Fewer than the threshold answered: no figure, and the count only as "fewer than N".</summary>
    TooFew,

    /// <summary>
    /// A total with enough answers that would still give away a group below the threshold by
    /// subtraction (the total minus the shown groups): no figure and no count.
    /// </summary>
    ProtectsSmallGroup,
}
