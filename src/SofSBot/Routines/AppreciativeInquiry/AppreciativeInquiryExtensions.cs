using SofSBot.CardActions;

namespace SofSBot.Routines.AppreciativeInquiry;

internal static class AppreciativeInquiryExtensions
{
    /// <summary>The appreciative inquiry card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddAppreciativeInquiry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AppreciativeInquiryOptions>()
            .BindConfiguration(AppreciativeInquiryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILearningLog, TableLearningLog>();
        services.AddSingleton<IRoutineCards, AppreciativeInquiryCards>();
        services.AddMemberCardActions<InquiryCardActions>(InquiryCards.VolunteerVerb, InquiryCards.SuggestVerb, InquiryCards.SaveNoteVerb, InquiryCards.RefreshVerb);

        services.AddSingleton<LearningLogRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<LearningLogRetentionService>());

        return builder;
    }
}
