using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;

namespace SofSBot.Routines;

internal static class RoutinesExtensions
{
    /// <summary>The routines' cards, their card actions and their storage.</summary>
    public static IHostApplicationBuilder AddRoutines(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoutineCardFactory>();
        builder.Services.AddSingleton<SharedCardUpdater>();
        builder.Services.AddSingleton<IRoutineCardStore, TableRoutineCardStore>();
        builder.Services.AddSingleton<RoutineCardLocations>();
        builder.AddHighlights();
        builder.AddAppreciativeInquiry();
        builder.AddCaseSupervision();
        builder.Services.AddRoutinePersonalData();
        return builder;
    }
}
