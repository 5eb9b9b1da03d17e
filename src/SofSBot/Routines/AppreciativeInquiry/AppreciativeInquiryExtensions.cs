namespace SofSBot.Routines.AppreciativeInquiry;

internal static class AppreciativeInquiryExtensions
{
    /// <summary>The appreciative inquiry card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddAppreciativeInquiry(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
