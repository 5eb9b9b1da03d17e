namespace SofSBot.Scheduling;

/// <summary>
/// A Swedish holiday on a given date. <see cref="IsDeFactoDayOff"/> marks the eves (midsommarafton,
/// julafton, nyårsafton, påskafton) that are not allmänna helgdagar by law but are days off in practice,
/// including under the municipal collective agreement that social services work under.
/// </summary>
internal sealed record PublicHoliday(DateOnly Date, string SwedishName, string EnglishName, bool IsDeFactoDayOff);
